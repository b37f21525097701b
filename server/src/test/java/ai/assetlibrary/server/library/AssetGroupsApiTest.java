package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/asset-groups}: create, read, list, change and delete groups. */
class AssetGroupsApiTest extends ServerTest {

  @Test
  void createdGenericGroupIsActiveAndAnswersWithBothIds() {
    JsonNode group =
        ok(
            server.call(
                "POST",
                "/v1/asset-groups",
                key,
                Map.of(
                    "name", "Campaign",
                    "groupKind", "GENERIC",
                    "description", "Spring",
                    "retentionDays", 30)));

    assertThat(group.get("assetGroupId").asText()).matches("ug_[0-9a-f]{32}");
    assertThat(group.get("groupId").asText()).isEqualTo(group.get("assetGroupId").asText());
    assertThat(group.get("name").asText()).isEqualTo("Campaign");
    assertThat(group.get("groupKind").asText()).isEqualTo("GENERIC");
    assertThat(group.get("status").asText()).isEqualTo("active");
    assertThat(group.get("description").asText()).isEqualTo("Spring");
    assertThat(group.get("retentionDays").asInt()).isEqualTo(30);
    assertThat(group.get("userId").asLong()).isEqualTo(5001);
    assertThat(group.get("shared").asBoolean()).isFalse();
    assertThat(group.get("assetCount").asLong()).isZero();

    JsonNode fetched = ok(server.get("/v1/asset-groups/" + group.get("groupId").asText(), key));
    assertThat(fetched.get("name").asText()).isEqualTo("Campaign");
  }

  @Test
  void portraitKindsNeedTheProvider() {
    for (String kind : new String[] {"VIRTUAL_PORTRAIT", "REAL_FACE"}) {
      HttpResponse<String> response =
          server.call("POST", "/v1/asset-groups", key, Map.of("name", "Faces", "groupKind", kind));

      Errors.assertError(response, 502, "ASSET_PROVIDER_UNAVAILABLE");
    }
  }

  @Test
  void badBodiesAreRefusedWithTheFieldNamed() {
    Errors.assertField(
        server.call("POST", "/v1/asset-groups", key, Map.of("groupKind", "GENERIC")), "name");
    Errors.assertField(
        server.call(
            "POST",
            "/v1/asset-groups",
            key,
            Map.of("name", "x".repeat(65), "groupKind", "GENERIC")),
        "name");
    Errors.assertField(
        server.call(
            "POST",
            "/v1/asset-groups",
            key,
            Map.of("name", "a", "groupKind", "GENERIC", "retentionDays", "soon")),
        "retentionDays");
    Errors.assertField(
        server.call("POST", "/v1/asset-groups", key, Map.of("name", "a", "groupKind", "FOLDER")),
        "groupKind");
    Errors.assertError(
        server.call("POST", "/v1/asset-groups", key, "{\"name\": "), 400, "REQUEST_MALFORMED");
    Errors.assertError(
        server.call("POST", "/v1/asset-groups", key, null), 400, "REQUEST_MALFORMED");
  }

  @Test
  void listPutsTheLibraryFirstInBothDocumentedShapes() {
    createGroup("Alpha");
    createGroup("Beta");

    JsonNode page = ok(server.get("/v1/asset-groups", key));

    assertThat(page.get("records")).hasSize(3);
    assertThat(page.get("list")).isEqualTo(page.get("records"));
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.at("/pagination/current").asInt()).isEqualTo(1);
    assertThat(page.at("/pagination/size").asInt()).isEqualTo(20);
    assertThat(page.at("/pagination/total").asLong()).isEqualTo(3);
    assertThat(page.at("/pagination/pages").asLong()).isEqualTo(1);
    assertThat(page.at("/records/0/groupId").asText()).isEqualTo("library");
    assertThat(page.at("/records/1/name").asText()).isEqualTo("Beta");
  }

  @Test
  void listFiltersByKeywordKindOwnerAndCreator() {
    JsonNode alpha = createGroup("Alpha shots");
    createGroup("Beta");

    assertThat(names("/v1/asset-groups?keyword=alpha")).containsExactly("Alpha shots");
    assertThat(names("/v1/asset-groups?keyword=" + alpha.get("groupId").asText()))
        .containsExactly("Alpha shots");
    assertThat(names("/v1/asset-groups?keyword=100%25")).isEmpty();
    assertThat(names("/v1/asset-groups?groupKind=GENERIC")).hasSize(3);
    assertThat(names("/v1/asset-groups?groupKind=REAL_FACE")).isEmpty();
    assertThat(names("/v1/asset-groups?ownedOnly=true")).hasSize(3);
    assertThat(names("/v1/asset-groups?createdBy=demo")).hasSize(3);
    assertThat(names("/v1/asset-groups?createdBy=someone")).isEmpty();
    assertThat(names("/v1/asset-groups?status=active")).hasSize(3);
  }

  @Test
  void paginationEdges() {
    createGroup("Alpha");
    createGroup("Beta");

    JsonNode second = ok(server.get("/v1/asset-groups?current=2&size=2", key));
    assertThat(second.get("records")).hasSize(1);
    assertThat(second.at("/pagination/pages").asLong()).isEqualTo(2);
    JsonNode pastTheEnd = ok(server.get("/v1/asset-groups?current=9&size=2", key));
    assertThat(pastTheEnd.get("records")).isEmpty();
    assertThat(pastTheEnd.get("total").asLong()).isEqualTo(3);

    Errors.assertField(server.get("/v1/asset-groups?size=0", key), "size");
    Errors.assertField(server.get("/v1/asset-groups?size=101", key), "size");
    Errors.assertField(server.get("/v1/asset-groups?current=0", key), "current");
    Errors.assertField(server.get("/v1/asset-groups?current=first", key), "current");
    Errors.assertField(server.get("/v1/asset-groups?groupKind=FOLDER", key), "groupKind");
  }

  @Test
  void patchChangesNameDescriptionAndRetention() {
    String id = createGroup("Old").get("groupId").asText();

    JsonNode renamed =
        ok(
            server.call(
                "PATCH",
                "/v1/asset-groups/" + id,
                key,
                Map.of("name", "New", "description", "d", "retentionDays", 7)));
    assertThat(renamed.get("name").asText()).isEqualTo("New");
    assertThat(renamed.get("retentionDays").asInt()).isEqualTo(7);

    JsonNode cleared =
        ok(
            server.call(
                "PATCH",
                "/v1/asset-groups/" + id,
                key,
                Map.of("description", "", "retentionDays", 0)));
    assertThat(cleared.get("name").asText()).isEqualTo("New");
    assertThat(cleared.has("description")).isFalse();
    assertThat(cleared.has("retentionDays")).isFalse();
  }

  @Test
  void deletingAGroupDeletesItsAssetsAndTheirBytes() {
    String id = createGroup("Doomed").get("groupId").asText();
    JsonNode asset = server.uploadPng(key, id, "a.png");
    server.uploadPng(key, "library", "kept.png");
    assertThat(server.storedBlobs()).hasSize(4);

    HttpResponse<String> response = server.call("DELETE", "/v1/asset-groups/" + id, key, null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("data").asText()).isEqualTo("Deleted successfully");
    assertThat(body.get("msg").asText()).isEqualTo("Asset group deleted");
    Errors.assertError(
        server.get("/v1/asset-groups/" + id, key), 404, "UNIFIED_ASSET_GROUP_NOT_FOUND");
    Errors.assertError(
        server.get("/v1/assets/" + asset.get("assetId").asText(), key), 404, "ASSET_NOT_FOUND");
    assertThat(server.fetch(URI.create(asset.get("url").asText())).statusCode()).isEqualTo(404);
    assertThat(server.storedBlobs()).hasSize(2);
    assertThat(server.assetRows()).isEqualTo(1);
  }

  @Test
  void theLibraryGroupCannotBeDeleted() {
    Errors.assertError(
        server.call("DELETE", "/v1/asset-groups/library", key, null),
        409,
        "ASSET_GROUP_DEFAULT_PROTECTED");
  }

  @Test
  void uploadsIntoACreatedGroupCarryItsIdAndName() {
    String id = createGroup("Shots").get("groupId").asText();

    JsonNode asset = server.uploadPng(key, id, "a.png");

    assertThat(asset.get("assetGroupId").asText()).isEqualTo(id);
    assertThat(asset.get("groupName").asText()).isEqualTo("Shots");
    assertThat(ok(server.get("/v1/asset-groups/" + id, key)).get("assetCount").asLong())
        .isEqualTo(1);
  }

  @Test
  void unknownGroupIs404() {
    Errors.assertError(
        server.get("/v1/asset-groups/ug_00000000000000000000000000000000", key),
        404,
        "UNIFIED_ASSET_GROUP_NOT_FOUND");
  }

  private JsonNode createGroup(String name) {
    return ok(
        server.call("POST", "/v1/asset-groups", key, Map.of("name", name, "groupKind", "GENERIC")));
  }

  private java.util.List<String> names(String path) {
    JsonNode records = ok(server.get(path, key)).get("records");
    java.util.List<String> names = new java.util.ArrayList<>();
    records.forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("code").asInt()).isZero();
    return body.get("data");
  }
}
