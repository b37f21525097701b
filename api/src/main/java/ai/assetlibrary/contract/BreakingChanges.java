package ai.assetlibrary.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxLength;
import org.openapitools.openapidiff.core.model.schema.ChangedPattern;

/**
 * The changes from one contract to the next that can break a consumer, one line each, named by
 * where they are. openapi-diff finds the differences and judges most of them; on top of its
 * judgement a removed property or enum value counts as a break wherever it was (a client may read
 * the field or rely on the value), while a new enum value in a response does not (clients are told
 * to tolerate them, see the README).
 */
final class BreakingChanges {

  private static final OpenApiDiffOptions OPTIONS =
      OpenApiDiffOptions.builder()
          .configProperty("incompatible.response.enum.increased", "false")
          .build();

  /** Findings by what changed, each with the places it was found, in the order found. */
  private final Map<String, List<String>> found = new LinkedHashMap<>();

  private BreakingChanges() {}

  /** Each breaking change from {@code released} to {@code current}, with where it is. */
  static List<String> between(OpenAPI released, OpenAPI current) {
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(released, current, OPTIONS);
    BreakingChanges changes = new BreakingChanges();
    changes.walk(diff);
    if (changes.found.isEmpty() && diff.isIncompatible()) {
      changes.add(
          "the contract", "openapi-diff reports an incompatible change: " + diff.isChanged());
    }
    List<String> lines = new ArrayList<>();
    changes.found.forEach(
        (what, where) -> lines.add(where.get(0) + ": " + what + elsewhere(where.size() - 1)));
    return lines;
  }

  private static String elsewhere(int places) {
    return switch (places) {
      case 0 -> "";
      case 1 -> " (and in 1 more place)";
      default -> " (and in " + places + " more places)";
    };
  }

  private void add(String where, String what) {
    found.computeIfAbsent(what, w -> new ArrayList<>()).add(where);
  }

  private void walk(ChangedOpenApi diff) {
    for (Endpoint endpoint : diff.getMissingEndpoints()) {
      add(endpoint.getMethod() + " " + endpoint.getPathUrl(), "operation removed");
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      String where = operation.getHttpMethod() + " " + operation.getPathUrl();
      parameters(where, operation.getParameters());
      requestBody(where, operation.getRequestBody());
      responses(where, operation.getApiResponses());
      if (operation.getSecurityRequirements() != null
          && operation.getSecurityRequirements().isIncompatible()) {
        add(where, "security requirements changed");
      }
    }
  }

  private void parameters(String where, ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter missing : parameters.getMissing()) {
      add(where, missing.getIn() + " parameter '" + missing.getName() + "' removed");
    }
    for (Parameter added : parameters.getIncreased()) {
      if (Boolean.TRUE.equals(added.getRequired())) {
        add(where, "new required " + added.getIn() + " parameter '" + added.getName() + "'");
      }
    }
    for (ChangedParameter changed : parameters.getChanged()) {
      String parameter = changed.getIn() + " parameter '" + changed.getName() + "'";
      if (changed.isCoreChanged().isIncompatible()) {
        add(where, parameter + ": required, style, explode or allowEmptyValue changed");
      }
      schema(where, parameter, changed.getSchema());
      content(where, parameter, changed.getContent());
    }
  }

  private void requestBody(String where, ChangedRequestBody body) {
    if (body == null) {
      return;
    }
    if (body.isCoreChanged().isIncompatible()) {
      add(where, "request body became required");
    }
    content(where, "request body", body.getContent());
  }

  private void responses(String where, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    for (String status : responses.getMissing().keySet()) {
      add(where, "response " + status + " removed");
    }
    for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
      String what = "response " + response.getKey();
      headers(where, what, response.getValue().getHeaders());
      content(where, what, response.getValue().getContent());
    }
  }

  private void headers(String where, String response, ChangedHeaders headers) {
    if (headers == null) {
      return;
    }
    for (String missing : headers.getMissing().keySet()) {
      add(where, response + " header '" + missing + "' removed");
    }
    headers
        .getChanged()
        .forEach(
            (name, header) -> {
              String what = response + " header '" + name + "'";
              if (header.isCoreChanged().isIncompatible()) {
                add(where, what + ": required or explode changed");
              }
              schema(where, what, header.getSchema());
            });
  }

  private void content(String where, String what, ChangedContent content) {
    if (content == null) {
      return;
    }
    for (String missing : content.getMissing().keySet()) {
      add(where, what + " content type " + missing + " removed");
    }
    content
        .getChanged()
        .forEach((type, media) -> schema(where, what + " " + type + " body", media.getSchema()));
  }

  /** {@code what} is the place in the operation, then the path inside the schema. */
  private void schema(String where, String what, ChangedSchema schema) {
    if (schema == null) {
      return;
    }
    if (schema.isChangedType()) {
      add(
          where,
          what
              + ": type changed from "
              + type(schema.getOldSchema())
              + " to "
              + type(schema.getNewSchema()));
      return;
    }
    if (!schema.getMissingProperties().isEmpty()) {
      add(where, what + ": properties removed " + schema.getMissingProperties().keySet());
    }
    if (schema.isDiscriminatorPropertyChanged()) {
      add(where, what + ": discriminator changed");
    }
    enumeration(where, what, schema.getEnumeration());
    leaf(where, what, "required", schema.getRequired());
    leaf(where, what, "maxLength", schema.getMaxLength());
    leaf(where, what, "minLength", schema.getMinLength());
    leaf(where, what, "minimum or maximum", schema.getNumericRange());
    leaf(where, what, "pattern", schema.getPattern());
    leaf(where, what, "readOnly", schema.getReadOnly());
    leaf(where, what, "writeOnly", schema.getWriteOnly());
    leaf(where, what, "oneOf", schema.getOneOfSchema());
    schema(where, what + "[]", schema.getItems());
    schema(where, what + "{*}", schema.getAddProp());
    schema.getChangedProperties().forEach((name, p) -> schema(where, what + "." + name, p));
  }

  private void enumeration(String where, String what, ChangedList<?> values) {
    if (values == null) {
      return;
    }
    if (!values.getMissing().isEmpty()) {
      add(where, what + ": enum values removed " + values.getMissing());
    } else if (values.isIncompatible()) {
      add(where, what + ": enum values added " + values.getIncreased());
    }
  }

  private void leaf(String where, String what, String rule, Changed change) {
    if (change == null || !change.isIncompatible()) {
      return;
    }
    String detail;
    if (change instanceof ChangedList<?> list) {
      detail = "added " + list.getIncreased() + ", removed " + list.getMissing();
    } else if (change instanceof ChangedMaxLength length) {
      detail = "from " + length.getOldValue() + " to " + length.getNewValue();
    } else if (change instanceof ChangedPattern pattern) {
      detail = "from " + pattern.getOldPattern() + " to " + pattern.getNewPattern();
    } else {
      detail = "narrowed";
    }
    add(where, what + ": " + rule + " " + detail);
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "none";
    }
    return schema.getType() + (schema.getFormat() == null ? "" : " (" + schema.getFormat() + ")");
  }
}
