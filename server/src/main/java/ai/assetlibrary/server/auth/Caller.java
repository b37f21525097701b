package ai.assetlibrary.server.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated user behind a request. */
public record Caller(long tenantId, long userId, String userName) implements Principal {

  @Override
  public String getName() {
    return userName;
  }

  /** The caller that {@link ApiKeyFilter} put on the request. */
  public static Caller of(SecurityContext context) {
    if (context != null && context.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("The request has no authenticated caller");
  }
}
