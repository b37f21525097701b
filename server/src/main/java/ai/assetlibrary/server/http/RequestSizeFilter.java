package ai.assetlibrary.server.http;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses a request whose declared {@code Content-Length} is already over the largest acceptable
 * body, before any of the body is read.
 */
@Priority(Priorities.AUTHORIZATION)
public final class RequestSizeFilter implements ContainerRequestFilter {

  private final long maxBodyBytes;
  private final long maxFileBytes;

  public RequestSizeFilter(long maxBodyBytes, long maxFileBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared == null) {
      return;
    }
    long length;
    try {
      length = Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      // Larger than a long can hold is larger than any limit.
      if (declared.strip().matches("\\d+")) {
        throw LibraryException.fileTooLarge(maxFileBytes);
      }
      throw new LibraryException(Failure.REQUEST_MALFORMED, "Content-Length is not a number.");
    }
    if (length > maxBodyBytes) {
      throw LibraryException.fileTooLarge(maxFileBytes);
    }
  }
}
