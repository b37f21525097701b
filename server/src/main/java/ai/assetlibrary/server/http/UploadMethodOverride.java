package ai.assetlibrary.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST} with {@code X-HTTP-Method-Override} to an upload's URL is the method it names (tus),
 * for clients that cannot send {@code PATCH}, such as Java's {@code HttpURLConnection}. Nowhere
 * else does the header change a request.
 */
@PreMatching
public final class UploadMethodOverride implements ContainerRequestFilter {

  private static final String HEADER = "X-HTTP-Method-Override";
  private static final String UPLOAD_URL = "v1/uploads/";
  private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE", "HEAD");

  @Override
  public void filter(ContainerRequestContext request) {
    String override = request.getHeaderString(HEADER);
    if (override == null || !request.getMethod().equals("POST")) {
      return;
    }
    if (!request.getUriInfo().getPath(true).replaceFirst("^/", "").startsWith(UPLOAD_URL)) {
      return;
    }
    String method = override.strip().toUpperCase(Locale.ROOT);
    if (OVERRIDABLE.contains(method)) {
      request.setMethod(method);
    }
  }
}
