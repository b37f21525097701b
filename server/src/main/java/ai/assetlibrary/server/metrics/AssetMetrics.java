package ai.assetlibrary.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The server's meters (requests, uploads, media work, provider calls, storage space, the JVM), kept
 * in a Micrometer registry and rendered in the Prometheus text format for {@code /metrics}. Labels
 * carry routes, statuses and outcomes only, never ids or names.
 */
public final class AssetMetrics implements AutoCloseable {

  /** The content type of {@link #scrape()}: Prometheus text exposition, version 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public AssetMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /**
   * Gauges of the space for blobs, for stores that live on a volume of their own. The gauges hold
   * the suppliers (Micrometer would otherwise let them be collected, and answer NaN).
   */
  public void storageSpace(DoubleSupplier usableBytes, DoubleSupplier totalBytes) {
    Gauge.builder("assets.storage.free", usableBytes, DoubleSupplier::getAsDouble)
        .description("Space left for blobs on the data volume")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
    Gauge.builder("assets.storage.total", totalBytes, DoubleSupplier::getAsDouble)
        .description("Size of the data volume")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  /** One HTTP request answered, by its route template (never the concrete path). */
  public void request(String method, String route, int status, long nanos) {
    time(
        "assets.http.requests",
        "HTTP requests by route template and status",
        nanos,
        "method",
        method,
        "route",
        route,
        "status",
        String.valueOf(status));
  }

  /** One upload handled, from the first byte read to the answer: {@code stored} or refused. */
  public void upload(boolean stored, long nanos) {
    time(
        "assets.upload.duration",
        "Upload handling, body read included, by outcome",
        nanos,
        "outcome",
        stored ? "stored" : "refused");
  }

  /** The size of a stored upload, by media type ({@code image}, {@code video}, {@code audio}). */
  public void uploadSize(String mediaType, long bytes) {
    DistributionSummary.builder("assets.upload.size")
        .description("Size of stored uploads by media type")
        .baseUnit("bytes")
        .tag("mediaType", mediaType)
        .register(registry)
        .record(bytes);
  }

  /** Measuring one file (dimensions, duration, first frame), by media type. */
  public void probe(String mediaType, long nanos) {
    time(
        "assets.media.probe",
        "Measuring uploaded files by media type",
        nanos,
        "mediaType",
        mediaType);
  }

  /** Rendering and encoding one thumbnail, by output format. */
  public void thumbnail(String format, long nanos) {
    time(
        "assets.thumbnail.render",
        "Rendering and encoding thumbnails by format",
        nanos,
        "format",
        format);
  }

  /** One rendition rendered and encoded, by format: {@code jpg}, {@code png}, {@code webp}, … */
  public void rendition(String format, long nanos) {
    time(
        "assets.rendition.render",
        "Rendering and encoding renditions by format",
        nanos,
        "format",
        format);
  }

  /** One rendition request: {@code hit} (stored already), {@code rendered} or {@code refused}. */
  public void renditionRequest(String outcome) {
    Counter.builder("assets.rendition.requests")
        .description("Rendition requests by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** One provider action, retries included: {@code ok}, {@code rejected} or {@code unavailable}. */
  public void providerCall(String action, String outcome, long nanos) {
    time(
        "assets.provider.calls",
        "Calls to the upstream provider by action and outcome, retries included",
        nanos,
        "action",
        action,
        "outcome",
        outcome);
  }

  /**
   * What became of a resumable upload: {@code created}, {@code finished}, {@code terminated} by its
   * creator, {@code expired} unfinished, or {@code refused} (its type or its content) and removed.
   */
  public void resumableUpload(String outcome) {
    Counter.builder("assets.resumable.uploads")
        .description("Resumable uploads by what became of them")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Bytes one append to a resumable upload stored and recorded. */
  public void resumableBytes(long bytes) {
    Counter.builder("assets.resumable.appended")
        .description("Bytes appended to resumable uploads, stored and recorded")
        .baseUnit("bytes")
        .register(registry)
        .increment(bytes);
  }

  private void time(String name, String description, long nanos, String... tags) {
    Timer.builder(name)
        .description(description)
        .tags(tags)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every series, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
