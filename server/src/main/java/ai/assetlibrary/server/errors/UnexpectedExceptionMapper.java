package ai.assetlibrary.server.errors;

import ai.assetlibrary.server.upload.StalledBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last resort: a 500 envelope whose correlation id is logged with the stack trace, except for a
 * request body that stopped arriving (408).
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    if (StalledBody.isCause(e)) {
      return ErrorResponses.of(StalledBody.error());
    }
    return ErrorResponses.internalError(e);
  }
}
