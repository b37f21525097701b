package ai.assetlibrary.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ErrorCatalog;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec is valid, its examples validate against its own schemas, and the server agrees with it.
 */
class OpenApiContractTest {

  static final Path SPEC = Path.of("..", "api", "openapi.yaml");

  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(SPEC.toString(), null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    api = result.getOpenAPI();
  }

  @Test
  void everyExampleValidatesAgainstItsSchema() {
    SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
    Map<String, ValidationReport> failures = new LinkedHashMap<>();
    int checked = 0;
    for (var path : api.getPaths().entrySet()) {
      for (var operation : path.getValue().readOperationsMap().entrySet()) {
        Operation op = operation.getValue();
        String where = operation.getKey() + " " + path.getKey();
        for (Parameter parameter :
            op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
          if (parameter.getExample() != null) {
            checked++;
            check(
                validator,
                where + " parameter " + parameter.getName(),
                parameter.getSchema(),
                parameter.getExample(),
                failures);
          }
        }
        for (var response : op.getResponses().entrySet()) {
          ApiResponse resolved = resolve(response.getValue());
          if (resolved.getContent() == null) {
            continue;
          }
          for (var content : resolved.getContent().entrySet()) {
            MediaType media = content.getValue();
            if (media.getExamples() != null) {
              for (var example : media.getExamples().entrySet()) {
                checked++;
                check(
                    validator,
                    where + " " + response.getKey() + " " + example.getKey(),
                    media.getSchema(),
                    example.getValue().getValue(),
                    failures);
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("examples found").isGreaterThan(20);
    assertThat(failures).as("examples that do not match their schema").isEmpty();
  }

  @Test
  void everyOperationHasASuccessExampleAndEveryJsonResponseAnExample() {
    List<String> missing = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            op.getResponses()
                                .forEach(
                                    (status, response) -> {
                                      ApiResponse resolved = resolve(response);
                                      if (resolved.getContent() != null
                                          && resolved.getContent().get("application/json") != null
                                          && resolved
                                                  .getContent()
                                                  .get("application/json")
                                                  .getExamples()
                                              == null) {
                                        missing.add(method + " " + path + " " + status);
                                      }
                                    })));
    assertThat(missing).isEmpty();
  }

  @Test
  void serverErrorCatalogueMatchesTheSpecsStatuses() {
    @SuppressWarnings("unchecked")
    Schema<String> serviceCode = api.getComponents().getSchemas().get("ServiceCode");
    @SuppressWarnings("unchecked")
    Map<String, Object> specStatuses =
        (Map<String, Object>) serviceCode.getExtensions().get("x-http-status");
    Map<String, Integer> expected =
        specStatuses.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).intValue()));
    Map<String, Integer> actual =
        ErrorCatalog.all().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));

    assertThat(actual).isEqualTo(expected);
    assertThat(serviceCode.getEnum()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(Arrays.stream(ServiceCode.values()).map(ServiceCode::toString))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void everyServiceCodeIsDocumentedWithItsStatus() {
    String description = api.getComponents().getSchemas().get("ServiceCode").getDescription();
    for (var entry : ErrorCatalog.all().entrySet()) {
      assertThat(description)
          .contains("| `" + entry.getKey().toString() + "` | " + entry.getValue() + " |");
    }
  }

  @Test
  void allThirteenSeedCodesAreInTheEnum() {
    List<String> seed =
        List.of(
            "UNIFIED_ASSET_FILE_REQUIRED",
            "UNIFIED_ASSET_GROUP_REQUIRED",
            "UNIFIED_ASSET_GROUP_NOT_FOUND",
            "ASSET_GROUP_NOT_FOUND",
            "ASSET_GROUP_ACCESS_DENIED",
            "ASSET_GROUP_NOT_ACTIVE",
            "ASSET_GROUP_TYPE_UNSUPPORTED",
            "ASSET_GROUP_PROVIDER_REF_MISSING",
            "ASSET_FILE_REQUIRED",
            "ASSET_FILE_TYPE_UNSUPPORTED",
            "ASSET_FILE_TOO_LARGE",
            "ASSET_PROVIDER_REJECTED",
            "ASSET_PROVIDER_UNAVAILABLE");
    Schema<?> serviceCode = api.getComponents().getSchemas().get("ServiceCode");
    List<String> codes = serviceCode.getEnum().stream().map(String::valueOf).toList();
    assertThat(codes).containsAll(seed);
  }

  @Test
  void uploadFormHasEverySeedPart() {
    Schema<?> form = api.getComponents().getSchemas().get("UploadAssetForm");
    assertThat(form.getProperties())
        .containsOnlyKeys("file", "name", "groupId", "assetGroupId", "model");
    assertThat(form.getRequired()).containsExactly("file");
    assertThat(form.getProperties().get("assetGroupId").getType()).isEqualTo("integer");
    assertThat(form.getProperties().get("file").getFormat()).isEqualTo("binary");
  }

  @Test
  void assetSchemaHasEverySeedField() {
    Schema<?> asset = api.getComponents().getSchemas().get("Asset");
    Map<String, String> seedTypes = new LinkedHashMap<>();
    for (String f : List.of("id", "tenantId", "userId", "sizeBytes", "width", "height")) {
      seedTypes.put(f, "integer");
    }
    for (String f : List.of("durationSeconds", "frameRate")) {
      seedTypes.put(f, "number");
    }
    seedTypes.put("shared", "boolean");
    for (String f : List.of("providerLastError", "providerRefs")) {
      seedTypes.put(f, "object");
    }
    for (String f :
        List.of(
            "assetId",
            "token360AssetId",
            "userName",
            "sharePermission",
            "shareExpiresAt",
            "assetGroupId",
            "groupName",
            "mediaType",
            "assetKind",
            "sourceType",
            "status",
            "name",
            "assetType",
            "filename",
            "mimeType",
            "fileType",
            "aspectRatio",
            "url",
            "thumbnailUrl",
            "expiresAt",
            "requestId",
            "modelName",
            "modelType",
            "byteplusAssetId",
            "originalFilename",
            "createdAt",
            "updatedAt")) {
      seedTypes.put(f, "string");
    }
    assertThat(asset.getProperties().keySet())
        .containsExactlyInAnyOrderElementsOf(seedTypes.keySet());
    seedTypes.forEach(
        (field, type) -> {
          Schema<?> property = asset.getProperties().get(field);
          String actual =
              property.get$ref() == null
                  ? property.getType()
                  : api.getComponents()
                      .getSchemas()
                      .get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1))
                      .getType();
          assertThat(actual).as(field).isEqualTo(type);
        });
  }

  private static void check(
      SchemaValidator validator,
      String where,
      Schema<?> schema,
      Object example,
      Map<String, ValidationReport> failures) {
    JsonNode node = Json.mapper().convertValue(example, JsonNode.class);
    ValidationReport report = validator.validate(() -> node, schema, null);
    if (report.hasErrors()) {
      failures.put(where, report);
    }
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getResponses().get(name);
  }
}
