package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ServiceCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * A JSON body that cannot be read: a value of the wrong type names its field ({@code
 * REQUEST_FIELD_INVALID}); anything else is {@code REQUEST_MALFORMED}.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : String.valueOf(reference.getIndex()))
              .collect(Collectors.joining("."));
      return ErrorResponses.of(
          ServiceCode.REQUEST_FIELD_INVALID,
          "'" + field + "' has a value of the wrong type or form.",
          new ErrorDetails().field(field));
    }
    return ErrorResponses.of(
        ServiceCode.REQUEST_MALFORMED, "The request body is not valid JSON.", null);
  }
}
