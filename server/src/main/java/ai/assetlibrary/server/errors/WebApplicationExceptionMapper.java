package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ServiceCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Jersey's own routing and negotiation failures (404, 405, 406, 415, …) with the envelope.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof ParamException parameter) {
      return ErrorResponses.of(
          ServiceCode.REQUEST_FIELD_INVALID,
          "'" + parameter.getParameterName() + "' has a value of the wrong type or form.",
          new ErrorDetails().field(parameter.getParameterName()));
    }
    int status = e.getResponse().getStatus();
    return switch (status) {
      case 404 -> ErrorResponses.of(ServiceCode.RESOURCE_NOT_FOUND, "Not found.", null);
      case 405 ->
          withAllow(
              ErrorResponses.of(
                  ServiceCode.METHOD_NOT_ALLOWED, "This method is not allowed here.", null),
              e.getResponse());
      case 406 ->
          ErrorResponses.of(
              ServiceCode.REQUEST_NOT_ACCEPTABLE,
              "None of the media types in Accept can be produced.",
              null);
      case 415 ->
          ErrorResponses.of(
              ServiceCode.REQUEST_CONTENT_TYPE_UNSUPPORTED,
              "The request's Content-Type is not accepted by this operation.",
              null);
      default -> status >= 500 ? ErrorResponses.internalError(e) : malformed(e);
    };
  }

  private static Response withAllow(Response envelope, Response original) {
    return Response.fromResponse(envelope).allow(original.getAllowedMethods()).build();
  }

  private static Response malformed(WebApplicationException e) {
    LOG.debug("Malformed request: {}", e.getMessage());
    return ErrorResponses.of(ServiceCode.REQUEST_MALFORMED, "The request is malformed.", null);
  }
}
