package ai.assetlibrary.server.auth;

import ai.assetlibrary.server.domain.Caller;
import jakarta.ws.rs.core.SecurityContext;

/** The caller {@link ApiKeyFilter} put on a request. */
public final class Authenticated {

  private Authenticated() {}

  public static Caller caller(SecurityContext context) {
    if (context != null && context.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("The request has no authenticated caller");
  }
}
