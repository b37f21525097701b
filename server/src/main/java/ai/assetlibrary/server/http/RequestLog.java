package ai.assetlibrary.server.http;

import ai.assetlibrary.server.metrics.AssetMetrics;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request id, log line and timing every answered request gets, whichever layer answers it: one
 * line per request with its method, route, status, bytes, duration, user and request id.
 */
public final class RequestLog {

  /** The header that carries the request id, both ways. */
  public static final String HEADER = "X-Request-Id";

  private static final Logger LOG = LoggerFactory.getLogger("requests");
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final AssetMetrics metrics;

  public RequestLog(AssetMetrics metrics) {
    this.metrics = metrics;
  }

  /** The client's id when it is sane, else a new one; kept in the logging context from now on. */
  public String begin(String offered) {
    String id =
        offered != null && SANE_ID.matcher(offered).matches()
            ? offered
            : UUID.randomUUID().toString();
    MDC.put("requestId", id);
    return id;
  }

  /** An answered request, timed by its route template (or {@code unmatched}) and status. */
  public record Answered(
      String method,
      String template,
      String path,
      int status,
      String requestBytes,
      String responseBytes,
      long nanos,
      Long userId) {}

  /** Counts, times and logs {@code answered}, then clears the logging context. */
  public void end(Answered answered) {
    String route = answered.template() != null ? answered.template() : answered.path();
    metrics.request(
        answered.method(),
        answered.template() != null ? answered.template() : "unmatched",
        answered.status(),
        answered.nanos());
    try {
      MDC.put("method", answered.method());
      MDC.put("route", route);
      MDC.put("status", String.valueOf(answered.status()));
      if (answered.requestBytes() != null) {
        MDC.put("requestBytes", answered.requestBytes().strip());
      }
      if (answered.responseBytes() != null) {
        MDC.put("responseBytes", answered.responseBytes());
      }
      MDC.put("durationMs", String.valueOf(answered.nanos() / 1_000 / 1000.0));
      if (answered.userId() != null) {
        MDC.put("userId", String.valueOf(answered.userId()));
      }
      LOG.info("{} {} {}", answered.method(), route, answered.status());
    } finally {
      MDC.clear();
    }
  }
}
