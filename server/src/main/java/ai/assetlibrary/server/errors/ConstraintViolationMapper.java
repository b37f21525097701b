package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.domain.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A request that breaks a constraint of the contract, found by Bean Validation on the generated
 * interfaces and request models: 400 {@code REQUEST_FIELD_INVALID} naming the parameter or body
 * field, or {@code REQUEST_MALFORMED} when the JSON body is missing altogether. A constraint broken
 * by a response would be the server's fault: 500.
 */
public final class ConstraintViolationMapper
    implements ExceptionMapper<ConstraintViolationException> {

  /** What {@link ai.assetlibrary.server.http.ValidationSettings} calls a method's entity. */
  public static final String BODY = "body";

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Located> located = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      Located where = locate(violation);
      if (where == null) {
        return ErrorResponses.internalError(e);
      }
      located.add(where);
    }
    Located first =
        located.stream()
            .min(Comparator.comparingInt(Located::parameter).thenComparing(Located::field))
            .orElseThrow();
    if (first.field().equals(BODY)) {
      return ErrorResponses.of(
          ServiceCode.REQUEST_MALFORMED, "A JSON request body is required.", null);
    }
    return ErrorResponses.of(Violations.invalidField(first.field(), first.violation()));
  }

  /** A violation, the index of the method parameter it concerns, and the field it names. */
  private record Located(int parameter, String field, ConstraintViolation<?> violation) {}

  /**
   * The parameter's name ({@code size}, {@code Idempotency-Key}) or, inside the body, the path of
   * the field ({@code name}, {@code items.0.id}); null for a violation that is not the request's.
   */
  private static Located locate(ConstraintViolation<?> violation) {
    int parameter = -1;
    String parameterName = null;
    List<String> inBody = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return null;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.as(Path.ParameterNode.class).getParameterIndex();
        parameterName = node.getName();
      } else if (parameterName != null) {
        if (node.getIndex() != null) {
          inBody.add(String.valueOf(node.getIndex()));
        }
        if (node.getName() != null) {
          inBody.add(node.getName());
        }
      }
    }
    if (parameterName == null) {
      return null;
    }
    String field = inBody.isEmpty() ? parameterName : String.join(".", inBody);
    return new Located(parameter, field, violation);
  }
}
