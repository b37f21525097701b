package ai.assetlibrary.server.errors;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a domain {@link LibraryException} into the error envelope, with its headers. */
public final class LibraryExceptionMapper implements ExceptionMapper<LibraryException> {

  private static final Logger LOG = LoggerFactory.getLogger(LibraryExceptionMapper.class);

  @Override
  public Response toResponse(LibraryException e) {
    int status = ErrorCatalog.statusOf(FailureCodes.serviceCode(e.failure()));
    // A full quota is the user's to resolve, not the operator's.
    if (status >= 500 && e.failure() != Failure.QUOTA_EXCEEDED) {
      LOG.error("{} ({}): {}", e.failure(), status, e.getMessage());
    } else {
      LOG.debug("{} ({}): {}", e.failure(), status, e.getMessage());
    }
    Response response = ErrorResponses.of(e);
    if (status == 401) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"assets\"")
          .build();
    }
    if (e.details().retryAfterSeconds() != null) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, e.details().retryAfterSeconds())
          .build();
    }
    return response;
  }
}
