package ai.assetlibrary.server.auth;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.service.ApiKeyService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

/**
 * Authenticates a request by its bearer API key, holds the key to its rate limit, and exposes the
 * {@link Caller}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {

  private static final String SCHEME = "bearer ";

  private final ApiKeyService apiKeys;
  private final RequestRateLimiter rateLimiter;

  public ApiKeyFilter(ApiKeyService apiKeys, RequestRateLimiter rateLimiter) {
    this.apiKeys = apiKeys;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.isEmpty() || headers.get(0).isBlank()) {
      throw new LibraryException(
          Failure.API_KEY_MISSING, "An API key is required: send Authorization: Bearer sk-…");
    }
    String header = headers.get(0).strip();
    if (headers.size() > 1
        || header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw invalid();
    }
    String key = header.substring(SCHEME.length()).strip();
    Caller caller = apiKeys.authenticate(key).orElseThrow(this::invalid);
    rateLimiter.acquire(ApiKeys.hash(key));
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new CallerSecurityContext(caller, secure));
  }

  private LibraryException invalid() {
    return new LibraryException(Failure.API_KEY_INVALID, "The API key is invalid or disabled.");
  }

  /** Carries the authenticated caller as the request's principal. */
  private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
