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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
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
 * The same workers render renditions, admitted up to a bound and stopped past a time limit.
 */
public final class MediaAnalyzer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MediaAnalyzer.class);

  private final long maxPixels;
  private final CompletableFuture<Probes> probes;
  private final Duration timeout;
  private final ExecutorService workers;
  private final AssetMetrics metrics;
  private final RenditionLimits renditionLimits;
  private final Semaphore renditionSlots;

  /**
   * Loads libvips ({@code vips}, e.g. {@code Vips::library}) and FFmpeg's natives on its workers,
   * so that the caller goes on meanwhile; {@link #ready} completes once libvips is loaded.
   */
  public MediaAnalyzer(
      long maxPixels,
      Duration timeout,
      RenditionLimits renditionLimits,
      Supplier<Vips> vips,
      AssetMetrics metrics) {
    this.maxPixels = maxPixels;
    this.metrics = metrics;
    this.timeout = timeout;
    this.renditionLimits = renditionLimits;
    this.renditionSlots =
        new Semaphore(Runtime.getRuntime().availableProcessors() + renditionLimits.queue());
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

  /**
   * A place for one rendition among those rendering or waiting for a worker, taken before anything
   * is prepared for it; refused at once when there is none.
   */
  public RenditionPermit admitRendition() throws RenditionException {
    if (!renditionSlots.tryAcquire()) {
      throw new RenditionException(
          RenditionException.Reason.BUSY,
          "Every media worker is busy and the rendition queue is full.");
    }
    return new RenditionPermit(renditionSlots);
  }

  /**
   * Renders {@code spec} of the original in {@code file}, detected as {@code type}, on the media
   * workers, in the place {@code permit} holds; stopped when it takes too long.
   */
  public EncodedRendition render(
      RenditionPermit permit, Path file, AcceptedType type, RenditionSpec spec)
      throws RenditionException {
    Renderer renderer = probes.join().renderer();
    RenderStop stop = renderer.newStop();
    Future<EncodedRendition> result;
    try {
      result =
          workers.submit(
              () -> {
                if (!permit.takeForRendering()) {
                  throw new RenditionException(
                      RenditionException.Reason.TIMEOUT, "Given up before it started.");
                }
                try {
                  return renderer.render(file, type, spec, stop);
                } finally {
                  permit.renderingEnded();
                }
              });
    } catch (RejectedExecutionException e) {
      throw new RenditionException(RenditionException.Reason.BUSY, "The media workers stopped.");
    }
    return awaitRendition(result, stop);
  }

  private EncodedRendition awaitRendition(Future<EncodedRendition> result, RenderStop stop)
      throws RenditionException {
    Duration limit = renditionLimits.timeout();
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop.stop();
      result.cancel(true);
      throw new RenditionException(
          RenditionException.Reason.TIMEOUT,
          "Rendering took longer than " + limit.toSeconds() + " seconds and was stopped.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.stop();
      result.cancel(true);
      throw new RenditionException(RenditionException.Reason.TIMEOUT, "Rendering was interrupted.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RenditionException failed) {
        throw failed;
      }
      LOG.warn("Rendering a rendition failed", e.getCause());
      throw new RenditionException(
          RenditionException.Reason.UNREADABLE, "The original cannot be rendered.");
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

  /** The probe of each kind of media, sharing one thumbnailer, and the rendition renderer. */
  private record Probes(
      ImageProbe pictures, BitmapProbe bitmaps, AvProbe audioVisual, Renderer renderer) {

    static Probes of(Vips vips, PixelBudget budget, AssetMetrics metrics) {
      Thumbnailer thumbnailer = new Thumbnailer(vips, metrics);
      return new Probes(
          new ImageProbe(vips, budget, thumbnailer),
          new BitmapProbe(budget, thumbnailer),
          new AvProbe(budget, thumbnailer),
          new Renderer(vips, budget, metrics));
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
