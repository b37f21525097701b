package ai.assetlibrary.server.media;

import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.vips.Vips;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures an uploaded file before it is stored and renders its thumbnail: pictures through libvips
 * (BMP through ImageIO), video and audio through FFmpeg. A file that cannot be parsed as its type,
 * or declares more pixels than allowed, is rejected; a file that merely cannot be measured (an
 * unusual codec, a probe that takes too long) passes unmeasured. The work runs on one worker per
 * core, so however many uploads arrive at once, only that many decoded pictures are ever in memory.
 */
public final class MediaAnalyzer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MediaAnalyzer.class);

  private final long maxPixels;
  private final CompletableFuture<Probes> probes;
  private final Duration timeout;
  private final ExecutorService workers;
  private final AssetMetrics metrics;

  /**
   * Loads libvips ({@code vips}, e.g. {@code Vips::library}) and FFmpeg's natives on its workers,
   * so that the caller goes on meanwhile; {@link #ready} completes once libvips is loaded.
   */
  public MediaAnalyzer(
      long maxPixels, Duration timeout, Supplier<Vips> vips, AssetMetrics metrics) {
    this.maxPixels = maxPixels;
    this.metrics = metrics;
    this.timeout = timeout;
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            task -> {
              Thread thread = new Thread(task, "media-probe-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    PixelBudget budget = new PixelBudget(maxPixels);
    this.probes =
        CompletableFuture.supplyAsync(() -> Probes.of(vips.get(), budget, metrics), workers);
    workers.execute(AvProbe::loadNatives);
  }

  /** Completes once libvips is loaded; fails as loading it failed (say, it is not installed). */
  public CompletableFuture<Void> ready() {
    return probes.thenRun(() -> {});
  }

  /** The most pixels a picture may declare. */
  public long maxPixels() {
    return maxPixels;
  }

  /** Measures {@code file}, detected as {@code type}, and renders its thumbnail, in time. */
  public MediaAnalysis analyze(Path file, AcceptedType type) throws MediaRejectedException {
    Future<MediaAnalysis> result = workers.submit(() -> probe(file, type));
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      LOG.warn(
          "Analysing a {} file took over {} ms; stored unmeasured",
          type.extension(),
          timeout.toMillis());
      return MediaAnalysis.UNMEASURED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      return MediaAnalysis.UNMEASURED;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MediaRejectedException rejected) {
        throw rejected;
      }
      LOG.warn("Analysing a {} file failed; stored unmeasured", type.extension(), e.getCause());
      return MediaAnalysis.UNMEASURED;
    }
  }

  private MediaAnalysis probe(Path file, AcceptedType type)
      throws IOException, MediaRejectedException {
    long started = System.nanoTime();
    try {
      return probeByFamily(file, type);
    } finally {
      metrics.probe(type.family().mediaType(), System.nanoTime() - started);
    }
  }

  private MediaAnalysis probeByFamily(Path file, AcceptedType type)
      throws IOException, MediaRejectedException {
    Probes loaded = probes.join();
    if (loaded.pictures().reads(type)) {
      return loaded.pictures().analyze(file, type);
    }
    if (type.family() == MediaFamily.IMAGE) {
      var measured = loaded.bitmaps().analyze(file, type);
      if (measured.isPresent()) {
        return measured.get();
      }
    }
    return loaded.audioVisual().analyze(file, type);
  }

  /** The probe of each kind of media, sharing one thumbnailer. */
  private record Probes(ImageProbe pictures, BitmapProbe bitmaps, AvProbe audioVisual) {

    static Probes of(Vips vips, PixelBudget budget, AssetMetrics metrics) {
      Thumbnailer thumbnailer = new Thumbnailer(vips, metrics);
      return new Probes(
          new ImageProbe(vips, budget, thumbnailer),
          new BitmapProbe(budget, thumbnailer),
          new AvProbe(budget, thumbnailer));
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
