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
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Gives every request Jersey answers its {@link RequestLog}: an id (echoed in {@code
 * X-Request-Id}), one log line and its timing by route and status.
 */
@PreMatching
@Priority(0)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestLogFilter.class.getName() + ".started";

  private final RequestLog log;

  public RequestLogFilter(AssetMetrics metrics) {
    this.log = new RequestLog(metrics);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String id = log.begin(request.getHeaderString(RequestLog.HEADER));
    request.setProperty(RequestLog.HEADER, id);
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String id = (String) request.getProperty(RequestLog.HEADER);
    if (id == null) {
      return;
    }
    response.getHeaders().putSingle(RequestLog.HEADER, id);
    Object started = request.getProperty(STARTED);
    long nanos = started == null ? 0 : System.nanoTime() - (long) started;
    Long userId =
        request.getSecurityContext().getUserPrincipal() instanceof Caller caller
            ? caller.userId()
            : null;
    log.end(
        new RequestLog.Answered(
            request.getMethod(),
            routeTemplate(request).orElse(null),
            "/" + request.getUriInfo().getPath(),
            response.getStatus(),
            request.getHeaderString(HttpHeaders.CONTENT_LENGTH),
            response.getHeaderString(HttpHeaders.CONTENT_LENGTH),
            nanos,
            userId));
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
