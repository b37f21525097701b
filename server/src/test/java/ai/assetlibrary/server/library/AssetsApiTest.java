package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.AssetGroupsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/assets}: read, list, rename and delete. */
class AssetsApiTest extends ServerTest {

  @Test
  void getAnswersTheSameRecordAsTheUpload() {
    JsonNode uploaded = server.uploadPng(key, "library", "a.png");

    JsonNode fetched = ok(server.get("/v1/assets/" + uploaded.get("assetId").asText(), key));

    assertThat(fetched).isEqualTo(uploaded);
  }

  @Test
  void listIsNewestFirstAndFilters() {
    String group =
        ok(server.call(
                "POST", "/v1/asset-groups", key, Map.of("name", "G", "groupKind", "GENERIC")))
            .get("groupId")
            .asText();
    server.uploadPng(key, "library", "first.png");
    server.uploadPng(key, group, "second.png");
    app.clock().advance(java.time.Duration.ofSeconds(1));
    server.upload(key, Multipart.form().file("file", "tone.wav", "audio/wav", TestMedia.wav(0.5)));

    assertThat(names("/v1/assets")).containsExactly("tone.wav", "second.png", "first.png");
    assertThat(names("/v1/assets?groupId=" + group)).containsExactly("second.png");
    assertThat(names("/v1/assets?groupId=library")).containsExactly("tone.wav", "first.png");
    assertThat(names("/v1/assets?mediaType=audio")).containsExactly("tone.wav");
    assertThat(names("/v1/assets?mediaType=image")).containsExactly("second.png", "first.png");
    assertThat(names("/v1/assets?mediaType=audio/wav")).containsExactly("tone.wav");
    assertThat(names("/v1/assets?mediaType=image/png&groupId=library"))
        .containsExactly("first.png");
    assertThat(names("/v1/assets?mediaType=image/jpeg")).isEmpty();
    assertThat(names("/v1/assets?keyword=SECOND")).containsExactly("second.png");
    assertThat(names("/v1/assets?keyword=_")).isEmpty();
    assertThat(names("/v1/assets?assetKind=UPLOAD&status=active")).hasSize(3);
    assertThat(names("/v1/assets?ownedOnly=true&createdBy=demo")).hasSize(3);
    assertThat(names("/v1/assets?size=1&current=3")).containsExactly("first.png");
    Errors.assertField(server.get("/v1/assets?mediaType=document", key), "mediaType");
    Errors.assertField(server.get("/v1/assets?mediaType=application/pdf", key), "mediaType");
    Errors.assertField(server.get("/v1/assets?mediaType=image/", key), "mediaType");
    Errors.assertField(server.get("/v1/assets?size=101", key), "size");
    Errors.assertError(
        server.get("/v1/assets?groupId=ug_00000000000000000000000000000000", key),
        404,
        "UNIFIED_ASSET_GROUP_NOT_FOUND");
  }

  @Test
  void patchRenames() {
    String id = server.uploadPng(key, "library", "a.png").get("assetId").asText();

    JsonNode renamed =
        ok(server.call("PATCH", "/v1/assets/" + id, key, Map.of("name", "  holiday.png ")));

    assertThat(renamed.get("name").asText()).isEqualTo("holiday.png");
    assertThat(ok(server.get("/v1/assets/" + id, key)).get("name").asText())
        .isEqualTo("holiday.png");
    Errors.assertField(server.call("PATCH", "/v1/assets/" + id, key, Map.of("name", " ")), "name");
  }

  @Test
  void deleteStopsDeliveryAtOnceAndRemovesTheBytes() {
    JsonNode asset = server.uploadPng(key, "library", "a.png");
    String id = asset.get("assetId").asText();
    assertThat(server.storedBlobs()).hasSize(2);

    JsonNode deleted = TestServer.json(server.call("DELETE", "/v1/assets/" + id, key, null));

    assertThat(deleted.get("data").asText()).isEqualTo("Deleted successfully");
    Errors.assertError(server.get("/v1/assets/" + id, key), 404, "ASSET_NOT_FOUND");
    assertThat(server.fetch(URI.create(asset.get("url").asText())).statusCode()).isEqualTo(404);
    assertThat(server.fetch(URI.create(asset.get("thumbnailUrl").asText())).statusCode())
        .isEqualTo(404);
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.assetRows()).isZero();
  }

  @Test
  void unknownAssetIs404() {
    Errors.assertError(
        server.get("/v1/assets/ua_00000000000000000000000000000000", key), 404, "ASSET_NOT_FOUND");
    Errors.assertError(
        server.call("DELETE", "/v1/assets/ua_00000000000000000000000000000000", key, null),
        404,
        "ASSET_NOT_FOUND");
  }

  private List<String> names(String path) {
    List<String> names = new ArrayList<>();
    ok(server.get(path, key)).get("records").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }
}
