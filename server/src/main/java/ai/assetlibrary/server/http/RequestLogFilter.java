package ai.assetlibrary.server.http;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.metrics.AssetMetrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it, keeps it in the logging context, logs one line per request with its method, route,
 * status, bytes, duration, user and request id, and times it by route and status.
 */
@PreMatching
@Priority(0)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";

  private static final Logger LOG = LoggerFactory.getLogger("requests");
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String STARTED = RequestLogFilter.class.getName() + ".started";
  private static final String UNMATCHED = "unmatched";

  private final AssetMetrics metrics;

  public RequestLogFilter(AssetMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String offered = request.getHeaderString(HEADER);
    String id =
        offered != null && SANE_ID.matcher(offered).matches()
            ? offered
            : UUID.randomUUID().toString();
    request.setProperty(HEADER, id);
    request.setProperty(STARTED, System.nanoTime());
    MDC.put("requestId", id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String id = (String) request.getProperty(HEADER);
    if (id == null) {
      return;
    }
    response.getHeaders().putSingle(HEADER, id);
    Object started = request.getProperty(STARTED);
    long nanos = started == null ? 0 : System.nanoTime() - (long) started;
    long micros = nanos / 1_000;
    Optional<String> template = routeTemplate(request);
    metrics.request(request.getMethod(), template.orElse(UNMATCHED), response.getStatus(), nanos);
    try {
      MDC.put("method", request.getMethod());
      MDC.put("route", template.orElse("/" + request.getUriInfo().getPath()));
      MDC.put("status", String.valueOf(response.getStatus()));
      String requestLength = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
      if (requestLength != null) {
        MDC.put("requestBytes", requestLength.strip());
      }
      String length = response.getHeaderString(HttpHeaders.CONTENT_LENGTH);
      if (length != null) {
        MDC.put("responseBytes", length);
      }
      MDC.put("durationMs", String.valueOf(micros / 1000.0));
      if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
        MDC.put("userId", String.valueOf(caller.userId()));
      }
      LOG.info("{} {} {}", request.getMethod(), MDC.get("route"), response.getStatus());
    } finally {
      MDC.clear();
    }
  }

  /** The matched route template, e.g. {@code /v1/assets/{assetId}}; empty when none matched. */
  private static Optional<String> routeTemplate(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo info
        && !info.getMatchedTemplates().isEmpty()) {
      List<UriTemplate> templates = new ArrayList<>(info.getMatchedTemplates());
      Collections.reverse(templates);
      String route =
          templates.stream()
              .map(UriTemplate::getTemplate)
              .filter(t -> !t.isEmpty() && !t.equals("/"))
              .collect(Collectors.joining());
      return Optional.of(route.isEmpty() ? "/" : route.replace("//", "/"));
    }
    return Optional.empty();
  }
}
