package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ServiceCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an {@link ApiException} into the error envelope. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

  @Override
  public Response toResponse(ApiException e) {
    // A full quota is the user's to resolve, not the operator's.
    if (e.status() >= 500 && e.serviceCode() != ServiceCode.STORAGE_QUOTA_EXCEEDED) {
      LOG.error("{} ({}): {}", e.serviceCode(), e.status(), e.getMessage());
    } else {
      LOG.debug("{} ({}): {}", e.serviceCode(), e.status(), e.getMessage());
    }
    Response response = ErrorResponses.of(e);
    if (e.status() == 401) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"assets\"")
          .build();
    }
    if (e.details() != null && e.details().getRetryAfterSeconds() != null) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, e.details().getRetryAfterSeconds())
          .build();
    }
    return response;
  }
}
