package ai.assetlibrary.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server refuses exactly what the contract's constraints rule out, with the limits read from
 * {@code api/openapi.yaml} itself: a limit changed there is a limit changed in the server. Each
 * probe sends the largest value allowed (accepted) and one past it (400 {@code
 * REQUEST_FIELD_INVALID} naming the field).
 */
class ContractLimitsTest extends ServerTest {

  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    api = new OpenAPIV3Parser().read(OpenApiContractTest.SPEC.toString(), null, options);
  }

  @Test
  void pageSizeStopsAtTheParametersMaximum() {
    int max = api.getComponents().getParameters().get("size").getSchema().getMaximum().intValue();

    assertThat(server.get("/v1/assets?size=" + max, key).statusCode()).isEqualTo(200);
    JsonNode refused = assertInvalid(server.get("/v1/assets?size=" + (max + 1), key), "size");
    assertThat(refused.get("msg").asText()).contains(String.valueOf(max));
    assertInvalid(server.get("/v1/asset-groups?size=" + (max + 1), key), "size");
  }

  @Test
  void keywordAndPathIdsStopAtTheirMaxLength() {
    int keyword = property("keyword").getMaxLength();
    int assetId = api.getComponents().getParameters().get("assetId").getSchema().getMaxLength();

    assertThat(server.get("/v1/assets?keyword=" + "k".repeat(keyword), key).statusCode())
        .isEqualTo(200);
    assertInvalid(server.get("/v1/assets?keyword=" + "k".repeat(keyword + 1), key), "keyword");
    assertThat(server.get("/v1/assets/" + "a".repeat(assetId), key).statusCode()).isEqualTo(404);
    assertInvalid(server.get("/v1/assets/" + "a".repeat(assetId + 1), key), "assetId");
  }

  @Test
  void groupNameAndRetentionFollowTheRequestSchema() {
    Schema<?> create = schema("CreateAssetGroupRequest");
    int name = create.getProperties().get("name").getMaxLength();
    int retention = create.getProperties().get("retentionDays").getMaximum().intValue();

    assertThat(createGroup(Map.of("name", "n".repeat(name), "groupKind", "GENERIC")).statusCode())
        .isEqualTo(200);
    assertInvalid(
        createGroup(Map.of("name", "n".repeat(name + 1), "groupKind", "GENERIC")), "name");
    assertInvalid(createGroup(Map.of("name", " \t ", "groupKind", "GENERIC")), "name");
    assertInvalid(
        createGroup(Map.of("name", "G", "groupKind", "GENERIC", "retentionDays", retention + 1)),
        "retentionDays");
    assertInvalid(
        createGroup(Map.of("name", "G", "groupKind", "GENERIC", "retentionDays", 0)),
        "retentionDays");
    assertInvalid(createGroup(Map.of("groupKind", "GENERIC")), "name");
  }

  @Test
  void uploadFieldsFollowTheFormSchemaAndARefusalKeepsNothing() {
    Schema<?> form = schema("UploadAssetForm");
    int name = form.getProperties().get("name").getMaxLength();
    int groupId = form.getProperties().get("groupId").getMaxLength();

    assertThat(server.upload(key, png().text("name", "n".repeat(name))).statusCode())
        .isEqualTo(200);
    assertInvalid(server.upload(key, png().text("name", "n".repeat(name + 1))), "name");
    assertInvalid(server.upload(key, png().text("groupId", "g".repeat(groupId + 1))), "groupId");

    assertThat(server.assetRows()).isEqualTo(1);
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void aMissingJsonBodyIsMalformedAndAMissingRequiredFieldIsNamed() {
    String assetId = server.uploadPng(key, "library", "a.png").get("assetId").asText();

    HttpResponse<String> noBody = server.call("PATCH", "/v1/assets/" + assetId, key, null);
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(noBody).get("serviceCode").asText()).isEqualTo("REQUEST_MALFORMED");
    assertInvalid(
        server.call("POST", "/v1/assets/" + assetId + "/shares", key, Map.of("userId", 5002)),
        "permission");
  }

  private HttpResponse<String> createGroup(Map<String, Object> body) {
    return server.call("POST", "/v1/asset-groups", key, body);
  }

  private static Multipart png() {
    return Multipart.form().file("file", "a.png", "image/png", TestMedia.png(8, 8));
  }

  private static Schema<?> schema(String name) {
    return api.getComponents().getSchemas().get(name);
  }

  private static Schema<?> property(String parameter) {
    return api.getComponents().getParameters().get(parameter).getSchema();
  }

  private static JsonNode assertInvalid(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("serviceCode").asText()).isEqualTo("REQUEST_FIELD_INVALID");
    assertThat(body.at("/data/field").asText()).isEqualTo(field);
    return body;
  }
}
