package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.AssetGroupsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sharing and isolation with three users: demo (owner) and alice in tenant 1001, mallory in tenant
 * 2002.
 */
class SharingTest extends ServerTest {

  private String demo;
  private String alice;
  private String mallory;

  @BeforeEach
  void users() {
    demo = key;
    alice = server.createKey(1001, 5002, "alice");
    mallory = server.createKey(2002, 6001, "mallory");
  }

  @Test
  void readShareShowsTheAssetAsSharedButAllowsNoChanges() {
    JsonNode asset = server.uploadPng(demo, "library", "a.png");
    String id = asset.get("assetId").asText();
    Instant until =
        Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    JsonNode share =
        ok(
            share(
                "/v1/assets/" + id,
                Map.of("userId", 5002, "permission", "READ", "expiresAt", until.toString())));

    assertThat(share.get("targetType").asText()).isEqualTo("ASSET");
    assertThat(share.get("targetId").asText()).isEqualTo(id);
    assertThat(share.get("userName").asText()).isEqualTo("alice");
    JsonNode seen = ok(server.get("/v1/assets/" + id, alice));
    assertThat(seen.get("shared").asBoolean()).isTrue();
    assertThat(seen.get("sharePermission").asText()).isEqualTo("READ");
    assertThat(Instant.parse(seen.get("shareExpiresAt").asText())).isEqualTo(until);
    assertThat(ok(server.get("/v1/assets/" + id, demo)).get("shared").asBoolean()).isFalse();
    assertThat(server.fetch(URI.create(seen.get("url").asText())).statusCode()).isEqualTo(200);
    Errors.assertError(
        server.call("PATCH", "/v1/assets/" + id, alice, Map.of("name", "x")),
        403,
        "ASSET_ACCESS_DENIED");
    Errors.assertError(
        server.call("DELETE", "/v1/assets/" + id, alice, null), 403, "ASSET_ACCESS_DENIED");
    Errors.assertError(
        server.get("/v1/assets/" + id + "/shares", alice), 403, "ASSET_ACCESS_DENIED");
    assertThat(ok(server.get("/v1/assets", alice)).get("total").asLong()).isEqualTo(1);
    assertThat(ok(server.get("/v1/assets?ownedOnly=true", alice)).get("total").asLong()).isZero();
    assertThat(ok(server.get("/v1/assets?createdBy=demo", alice)).get("total").asLong())
        .isEqualTo(1);
  }

  @Test
  void useShareStillCannotRenameButEditCanRenameAndDelete() {
    String id = server.uploadPng(demo, "library", "a.png").get("assetId").asText();

    ok(share("/v1/assets/" + id, Map.of("userId", 5002, "permission", "USE")));
    Errors.assertError(
        server.call("PATCH", "/v1/assets/" + id, alice, Map.of("name", "x")),
        403,
        "ASSET_ACCESS_DENIED");

    ok(share("/v1/assets/" + id, Map.of("userId", 5002, "permission", "EDIT")));
    assertThat(
            ok(server.call("PATCH", "/v1/assets/" + id, alice, Map.of("name", "x")))
                .get("name")
                .asText())
        .isEqualTo("x");
    assertThat(server.call("DELETE", "/v1/assets/" + id, alice, null).statusCode()).isEqualTo(200);
    Errors.assertError(server.get("/v1/assets/" + id, demo), 404, "ASSET_NOT_FOUND");
  }

  @Test
  void groupShareReachesItsAssetsAndEditAllowsUploadsIntoIt() {
    String group = createGroup(demo, "Team");
    JsonNode first = server.uploadPng(demo, group, "a.png");
    String id = first.get("assetId").asText();
    assertThat(first)
        .as("the upload answers the record")
        .isEqualTo(ok(server.get("/v1/assets/" + id, demo)));

    ok(share("/v1/asset-groups/" + group, Map.of("userId", 5002, "permission", "READ")));
    JsonNode seenGroup = ok(server.get("/v1/asset-groups/" + group, alice));
    assertThat(seenGroup.get("shared").asBoolean()).isTrue();
    assertThat(seenGroup.get("sharePermission").asText()).isEqualTo("READ");
    assertThat(ok(server.get("/v1/assets/" + id, alice)).get("sharePermission").asText())
        .isEqualTo("READ");
    assertThat(ok(server.get("/v1/asset-groups", alice)).get("total").asLong()).isEqualTo(2);
    assertThat(ok(server.get("/v1/asset-groups?ownedOnly=true", alice)).get("total").asLong())
        .isEqualTo(1);
    Errors.assertError(server.upload(alice, pngInto(group)), 403, "ASSET_GROUP_ACCESS_DENIED");
    Errors.assertError(
        server.call("PATCH", "/v1/asset-groups/" + group, alice, Map.of("name", "x")),
        403,
        "ASSET_GROUP_ACCESS_DENIED");

    ok(share("/v1/asset-groups/" + group, Map.of("userId", 5002, "permission", "EDIT")));
    JsonNode uploaded = TestServer.json(server.upload(alice, pngInto(group))).get("data");
    assertThat(uploaded.get("userId").asLong()).as("the group's owner owns it").isEqualTo(5001);
    assertThat(uploaded.get("sharePermission").asText()).isEqualTo("EDIT");
    assertThat(uploaded)
        .as("the upload answers the record its uploader reads")
        .isEqualTo(ok(server.get("/v1/assets/" + uploaded.get("assetId").asText(), alice)));
    assertThat(ok(server.get("/v1/asset-groups/" + group, demo)).get("assetCount").asLong())
        .isEqualTo(2);
  }

  @Test
  void revokedAndExpiredSharesAreGoneAtOnce() {
    String id = server.uploadPng(demo, "library", "a.png").get("assetId").asText();
    ok(share("/v1/assets/" + id, Map.of("userId", 5002, "permission", "READ")));
    assertThat(ok(server.get("/v1/assets/" + id + "/shares", demo)).get("total").asLong())
        .isEqualTo(1);

    JsonNode revoked =
        TestServer.json(server.call("DELETE", "/v1/assets/" + id + "/shares/5002", demo, null));
    assertThat(revoked.get("msg").asText()).isEqualTo("Share revoked");
    Errors.assertError(server.get("/v1/assets/" + id, alice), 404, "ASSET_NOT_FOUND");
    Errors.assertError(
        server.call("DELETE", "/v1/assets/" + id + "/shares/5002", demo, null),
        404,
        "SHARE_NOT_FOUND");

    Instant soon = app.clock().instant().plus(Duration.ofHours(1));
    ok(
        share(
            "/v1/assets/" + id,
            Map.of("userId", 5002, "permission", "READ", "expiresAt", soon.toString())));
    JsonNode seen = ok(server.get("/v1/assets/" + id, alice));
    app.clock().advance(Duration.ofHours(2));
    Errors.assertError(server.get("/v1/assets/" + id, alice), 404, "ASSET_NOT_FOUND");
    assertThat(ok(server.get("/v1/assets/" + id + "/shares", demo)).get("total").asLong()).isZero();

    server.library().sweeper().sweep();
    assertThat(fetch(seen.get("url"))).as("URL kept past the expiry, once swept").isEqualTo(404);
    assertThat(fetch(ok(server.get("/v1/assets/" + id, demo)).get("url"))).isEqualTo(200);
  }

  @Test
  void sharingIsRefusedAcrossTenantsWithYourselfOnTheLibraryAndByNonOwners() {
    String id = server.uploadPng(demo, "library", "a.png").get("assetId").asText();

    Errors.assertError(
        share("/v1/assets/" + id, Map.of("userId", 6001, "permission", "READ")),
        404,
        "SHARE_USER_NOT_FOUND");
    Errors.assertField(
        share("/v1/assets/" + id, Map.of("userId", 5001, "permission", "READ")), "userId");
    Errors.assertField(
        share(
            "/v1/assets/" + id,
            Map.of("userId", 5002, "permission", "READ", "expiresAt", "2001-01-01T00:00:00Z")),
        "expiresAt");
    Errors.assertField(
        share("/v1/assets/" + id, Map.of("userId", 5002, "permission", "OWNER")), "permission");
    Errors.assertError(
        share("/v1/asset-groups/library", Map.of("userId", 5002, "permission", "READ")),
        409,
        "ASSET_GROUP_DEFAULT_PROTECTED");
    ok(share("/v1/assets/" + id, Map.of("userId", 5002, "permission", "EDIT")));
    Errors.assertError(
        server.call(
            "POST",
            "/v1/assets/" + id + "/shares",
            alice,
            Map.of("userId", 5001, "permission", "READ")),
        403,
        "ASSET_ACCESS_DENIED");
  }

  @Test
  void othersSeeNothingOfWhatIsNotSharedWithThem() {
    JsonNode asset = server.uploadPng(demo, "library", "a.png");
    String id = asset.get("assetId").asText();
    String group = createGroup(demo, "Private");

    for (String outsider : new String[] {alice, mallory}) {
      Errors.assertError(server.get("/v1/assets/" + id, outsider), 404, "ASSET_NOT_FOUND");
      Errors.assertError(
          server.call("PATCH", "/v1/assets/" + id, outsider, Map.of("name", "x")),
          404,
          "ASSET_NOT_FOUND");
      Errors.assertError(
          server.call("DELETE", "/v1/assets/" + id, outsider, null), 404, "ASSET_NOT_FOUND");
      Errors.assertError(
          server.get("/v1/assets/" + id + "/shares", outsider), 404, "ASSET_NOT_FOUND");
      Errors.assertError(
          server.get("/v1/asset-groups/" + group, outsider), 404, "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.call("DELETE", "/v1/asset-groups/" + group, outsider, null),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.upload(outsider, pngInto(group)), 404, "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.call("POST", "/v1/assets/" + id + "/shares", outsider, readShareFor(5001)),
          404,
          "ASSET_NOT_FOUND");
      Errors.assertError(
          server.call("DELETE", "/v1/assets/" + id + "/shares/5002", outsider, null),
          404,
          "ASSET_NOT_FOUND");
      Errors.assertError(
          server.call("PATCH", "/v1/asset-groups/" + group, outsider, Map.of("name", "x")),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.get("/v1/asset-groups/" + group + "/shares", outsider),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.call(
              "POST", "/v1/asset-groups/" + group + "/shares", outsider, readShareFor(5001)),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.call("DELETE", "/v1/asset-groups/" + group + "/shares/5002", outsider, null),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      Errors.assertError(
          server.call("POST", "/v1/asset-groups/" + group + "/verification", outsider, null),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      assertThat(ok(server.get("/v1/assets", outsider)).get("total").asLong()).isZero();
      Errors.assertError(
          server.get("/v1/assets?groupId=" + group, outsider),
          404,
          "UNIFIED_ASSET_GROUP_NOT_FOUND");
      assertThat(ok(server.get("/v1/asset-groups", outsider)).get("total").asLong()).isEqualTo(1);
    }
    assertThat(ok(server.get("/v1/assets/" + id, demo)).get("name").asText()).isEqualTo("a.png");
  }

  @Test
  void aRevokedShareOrADeleteLeavesNoWorkingUrl() {
    String group = createGroup(demo, "Team");
    JsonNode inGroup = server.uploadPng(demo, group, "team.png");
    JsonNode single = server.uploadPng(demo, "library", "single.png");
    String singleId = single.get("assetId").asText();
    ok(share("/v1/assets/" + singleId, Map.of("userId", 5002, "permission", "READ")));
    ok(share("/v1/asset-groups/" + group, Map.of("userId", 5002, "permission", "READ")));
    JsonNode seenSingle = ok(server.get("/v1/assets/" + singleId, alice));
    JsonNode seenInGroup = ok(server.get("/v1/assets/" + inGroup.get("assetId").asText(), alice));

    assertThat(
            server
                .call("DELETE", "/v1/assets/" + singleId + "/shares/5002", demo, null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .call("DELETE", "/v1/asset-groups/" + group + "/shares/5002", demo, null)
                .statusCode())
        .isEqualTo(200);

    for (JsonNode kept : new JsonNode[] {seenSingle, seenInGroup}) {
      Errors.assertError(
          server.get("/v1/assets/" + kept.get("assetId").asText(), alice), 404, "ASSET_NOT_FOUND");
      assertThat(fetch(kept.get("url"))).as("URL kept after the revoke").isEqualTo(404);
      assertThat(fetch(kept.get("thumbnailUrl"))).isEqualTo(404);
    }
    JsonNode renewed = ok(server.get("/v1/assets/" + singleId, demo));
    assertThat(renewed.get("url").asText()).isNotEqualTo(seenSingle.get("url").asText());
    assertThat(fetch(renewed.get("url"))).as("the owner's new URL").isEqualTo(200);

    assertThat(server.call("DELETE", "/v1/assets/" + singleId, demo, null).statusCode())
        .isEqualTo(200);
    assertThat(fetch(renewed.get("url"))).as("URL after the delete").isEqualTo(404);
    assertThat(fetch(renewed.get("thumbnailUrl"))).isEqualTo(404);
  }

  private int fetch(JsonNode url) {
    return server.fetch(java.net.URI.create(url.asText())).statusCode();
  }

  private static Map<String, Object> readShareFor(long userId) {
    return Map.of("userId", userId, "permission", "READ");
  }

  @Test
  void aShareAcrossTenantsCannotBeMadeEvenForAGroup() {
    String group = createGroup(demo, "Team");

    Errors.assertError(
        share("/v1/asset-groups/" + group, Map.of("userId", 6001, "permission", "READ")),
        404,
        "SHARE_USER_NOT_FOUND");
    Errors.assertError(
        server.get("/v1/asset-groups/" + group, mallory), 404, "UNIFIED_ASSET_GROUP_NOT_FOUND");
  }

  private java.net.http.HttpResponse<String> share(String target, Map<String, Object> body) {
    return server.call("POST", target + "/shares", demo, new HashMap<>(body));
  }

  private String createGroup(String key, String name) {
    return ok(server.call(
            "POST", "/v1/asset-groups", key, Map.of("name", name, "groupKind", "GENERIC")))
        .get("groupId")
        .asText();
  }

  private static Multipart pngInto(String group) {
    return Multipart.form()
        .file("file", "b.png", "image/png", TestMedia.png(10, 10))
        .text("groupId", group);
  }
}
