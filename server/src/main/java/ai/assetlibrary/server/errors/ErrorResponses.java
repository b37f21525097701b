package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ErrorResponse;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.domain.LibraryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the error envelope as an HTTP response. */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  public static Response of(ServiceCode code, String message, ErrorDetails details) {
    int status = ErrorCatalog.statusOf(code);
    ErrorResponse body = new ErrorResponse(status, details, message, code);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  public static Response of(LibraryException e) {
    return of(
        FailureCodes.serviceCode(e.failure()),
        e.getMessage(),
        FailureCodes.wireDetails(e.details()));
  }

  /** A 500 whose correlation id is logged together with the cause; the body has no stack trace. */
  public static Response internalError(Throwable cause) {
    String correlationId = UUID.randomUUID().toString();
    LOG.error("Internal error {}", correlationId, cause);
    return of(
        ServiceCode.INTERNAL_ERROR,
        "Internal error; quote correlation id " + correlationId + ".",
        new ErrorDetails().correlationId(correlationId));
  }
}
