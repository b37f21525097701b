package ai.assetlibrary.server.errors;

import ai.assetlibrary.server.upload.StalledBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a 500 envelope whose correlation id is logged with the stack trace, except for a
 * request body that stopped arriving (408) and a write that found no space (507).
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (StalledBody.isCause(e)) {
      return ErrorResponses.of(StalledBody.error());
    }
    if (StorageFull.isCause(e)) {
      LOG.error("A write failed for want of space", e);
      return ErrorResponses.of(StorageFull.error());
    }
    return ErrorResponses.internalError(e);
  }
}
