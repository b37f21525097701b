package ai.assetlibrary.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The last resort: a 500 envelope whose correlation id is logged with the stack trace. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    return ErrorResponses.internalError(e);
  }
}
