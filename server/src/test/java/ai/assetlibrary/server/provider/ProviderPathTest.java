package ai.assetlibrary.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.FakeModelArk;
import ai.assetlibrary.server.testing.FakeModelArk.Behaviour;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Portrait groups and uploads through the provider, against a fake ModelArk that checks signatures.
 */
class ProviderPathTest extends ServerTest {

  @RegisterExtension static final FakeModelArk MODEL_ARK = new FakeModelArk();

  private static final long LEGACY_ID = 8137;

  private final byte[] png = TestMedia.png(400, 300);

  ProviderPathTest() {
    super(new RunningServer(MODEL_ARK.environment()));
  }

  @BeforeEach
  void freshProvider() {
    MODEL_ARK.reset();
  }

  @Test
  void virtualPortraitGroupIsCreatedAtTheProviderAndIsActive() {
    JsonNode group = createPortraitGroup("Characters");

    assertThat(group.get("groupKind").asText()).isEqualTo("VIRTUAL_PORTRAIT");
    assertThat(group.get("status").asText()).isEqualTo("active");
    assertThat(MODEL_ARK.calls()).containsExactly("CreateAssetGroup");
  }

  @Test
  void providerRefusingTheGroupIs422WithItsError() {
    MODEL_ARK.refuseWith("InvalidParameter");

    HttpResponse<String> response =
        server.call(
            "POST",
            "/v1/asset-groups",
            key,
            Map.of("name", "Characters", "groupKind", "VIRTUAL_PORTRAIT"));

    JsonNode body = assertError(response, 422, "ASSET_PROVIDER_REJECTED");
    assertThat(body.at("/data/providerLastError/code").asText()).isEqualTo("InvalidParameter");
  }

  @Test
  void providerCallsAreMeteredByActionAndOutcome() {
    createPortraitGroup("Accepted");
    MODEL_ARK.refuseWith("InvalidParameter");
    server.call(
        "POST", "/v1/asset-groups", key, Map.of("name", "R", "groupKind", "VIRTUAL_PORTRAIT"));
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);
    server.call(
        "POST", "/v1/asset-groups", key, Map.of("name", "U", "groupKind", "VIRTUAL_PORTRAIT"));

    for (String outcome : new String[] {"ok", "rejected", "unavailable"}) {
      assertThat(
              server.metric(
                  "assets_provider_calls_seconds_count{action=\"CreateAssetGroup\",outcome=\""
                      + outcome
                      + "\"}"))
          .as(outcome)
          .isEqualTo(1);
    }
  }

  @Test
  void uploadIntoAPortraitGroupIsAnsweredAtOnceAndRegisteredInTheBackground() {
    String group = createPortraitGroup("Characters").get("groupId").asText();

    JsonNode uploaded = upload(form().text("groupId", group).text("model", "seedance-2.0"));
    assertThat(uploaded.get("assetId").asText()).startsWith("ua_");
    assertThat(uploaded.get("status").asText()).isEqualTo("processing");

    server.library().reconciler().reconcile();

    JsonNode asset = fetch(uploaded);
    assertThat(asset.get("status").asText()).isEqualTo("processing");
    String providerAssetId = asset.get("byteplusAssetId").asText();
    assertThat(asset.at("/providerRefs/byteplus/assetId").asText()).isEqualTo(providerAssetId);
    assertThat(asset.at("/providerRefs/byteplus/groupId").asText()).startsWith("group-");
    assertThat(MODEL_ARK.downloaded(providerAssetId)).isEqualTo(png);
    assertThat(MODEL_ARK.asset(providerAssetId).path("AssetType").asText()).isEqualTo("Image");
  }

  @Test
  void reconcilerMovesAssetsToActiveOrFailedAsTheProviderReports() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    JsonNode ready = registered(upload(form().text("groupId", group)));
    JsonNode rejected = registered(upload(form().text("groupId", group)));
    JsonNode waiting = registered(upload(form().text("groupId", group)));
    MODEL_ARK.settle(ready.get("byteplusAssetId").asText(), "Active", null);
    MODEL_ARK.settle(rejected.get("byteplusAssetId").asText(), "Failed", "FaceMismatch");

    server.library().reconciler().reconcile();

    assertThat(status(ready)).isEqualTo("active");
    JsonNode failed = fetch(rejected);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/providerLastError/code").asText()).isEqualTo("FaceMismatch");
    assertThat(failed.at("/providerLastError/message").asText()).isNotBlank();
    assertThat(status(waiting)).isEqualTo("processing");
  }

  @Test
  void reconcilerKeepsWaitingWhileTheProviderIsUnavailable() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    JsonNode asset = registered(upload(form().text("groupId", group)));
    MODEL_ARK.settle(asset.get("byteplusAssetId").asText(), "Active", null);
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);

    server.library().reconciler().reconcile();
    assertThat(status(asset)).isEqualTo("processing");

    MODEL_ARK.behave(Behaviour.ACCEPT);
    server.library().reconciler().reconcile();
    assertThat(status(asset)).isEqualTo("active");
  }

  @Test
  void aRegistrationWhoseAnswerWasLostIsFoundAtTheProviderNotMadeTwice() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.behave(Behaviour.LOSE_ONE_ANSWER); // the upload itself calls the provider not at all
    JsonNode uploaded = upload(form().text("groupId", group));

    // The round the upload asked for, or this one, loses CreateAsset's answer; the next attempt
    // waits until the provider has had time to finish the first.
    server.library().reconciler().reconcile();
    app.clock().advance(Duration.ofMinutes(1));
    server.library().reconciler().reconcile();

    String held = MODEL_ARK.heldAssets().keySet().iterator().next();
    assertThat(fetch(uploaded).get("byteplusAssetId").asText()).isEqualTo(held);
    assertThat(MODEL_ARK.heldAssets()).hasSize(1);
    assertThat(MODEL_ARK.calls()).filteredOn("CreateAsset"::equals).hasSize(1);
    assertThat(MODEL_ARK.calls()).contains("ListAssets");
  }

  @Test
  void anAssetDeletedWhileItsRegistrationIsUnconfirmedIsDeletedAtTheProviderToo() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.behave(Behaviour.CREATE_IN_SILENCE);
    JsonNode uploaded = upload(form().text("groupId", group));
    server.library().reconciler().reconcile();
    assertThat(MODEL_ARK.heldAssets()).hasSize(1);
    assertThat(fetch(uploaded).has("byteplusAssetId")).isFalse();

    String assetId = uploaded.get("assetId").asText();
    assertThat(server.call("DELETE", "/v1/assets/" + assetId, key, null).statusCode())
        .isEqualTo(200);
    MODEL_ARK.behave(Behaviour.ACCEPT);
    server.library().reconciler().reconcile();

    assertThat(MODEL_ARK.heldAssets()).isEmpty();
    assertThat(server.library().records().providerDeletions().count()).isZero();
  }

  @Test
  void aRegistrationThatFailedBeforeTheProviderActedIsMadeOnTheNextRound() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);
    JsonNode uploaded = upload(form().text("groupId", group));
    server.library().reconciler().reconcile();
    assertThat(MODEL_ARK.heldAssets()).isEmpty();

    MODEL_ARK.behave(Behaviour.ACCEPT);
    server.library().reconciler().reconcile();
    assertThat(MODEL_ARK.heldAssets()).as("not tried again at once").isEmpty();
    app.clock().advance(Duration.ofMinutes(1));
    server.library().reconciler().reconcile();

    assertThat(MODEL_ARK.heldAssets()).hasSize(1);
    assertThat(MODEL_ARK.calls()).containsSubsequence("CreateAsset", "ListAssets", "CreateAsset");
    assertThat(fetch(uploaded).get("byteplusAssetId").asText())
        .isEqualTo(MODEL_ARK.heldAssets().keySet().iterator().next());
  }

  @Test
  void theReconcilerRunsOnItsOwnSchedule() throws InterruptedException {
    Map<String, String> env = new java.util.HashMap<>(MODEL_ARK.environment());
    env.put("ASSETS_PROVIDER_POLL_SECONDS", "1");
    server = app.restart(env);

    assertThat(server.library().reconciler().rounds().await(2, java.time.Duration.ofSeconds(30)))
        .isTrue();
  }

  @Test
  void backgroundRegistrationFailsTheAssetWhenTheProviderRefusesIt() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.refuseWith("InvalidParameter");

    JsonNode uploaded = upload(form().text("groupId", group));
    server.library().reconciler().reconcile();

    JsonNode asset = fetch(uploaded);
    assertThat(asset.get("status").asText()).isEqualTo("failed");
    assertThat(asset.at("/providerLastError/code").asText()).isEqualTo("InvalidParameter");
  }

  @Test
  void backgroundRegistrationWaitsForAnUnavailableProvider() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);

    JsonNode uploaded = upload(form().text("groupId", group));
    server.library().reconciler().reconcile();
    assertThat(fetch(uploaded).has("byteplusAssetId")).isFalse();

    MODEL_ARK.behave(Behaviour.ACCEPT);
    app.clock().advance(Duration.ofMinutes(1)); // the failed attempt has settled
    server.library().reconciler().reconcile();
    assertThat(fetch(uploaded).has("byteplusAssetId")).isTrue();
    assertThat(fetch(uploaded).get("status").asText()).isEqualTo("processing");
  }

  /** The asset once the background registration has run. */
  private JsonNode registered(JsonNode uploaded) {
    server.library().reconciler().reconcile();
    JsonNode asset = fetch(uploaded);
    assertThat(asset.has("byteplusAssetId")).as("registered").isTrue();
    return asset;
  }

  private JsonNode fetch(JsonNode asset) {
    HttpResponse<String> response = server.get("/v1/assets/" + asset.get("assetId").asText(), key);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  private String status(JsonNode asset) {
    return fetch(asset).get("status").asText();
  }

  @Test
  void uploadsAndDeletesWaitOutAProviderUnreachableForMinutesAndCatchUp() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    JsonNode registeredBefore = registered(upload(form().text("groupId", group)));
    MODEL_ARK.behave(Behaviour.UNREACHABLE);

    JsonNode first = upload(form().text("groupId", group).text("name", "first"));
    JsonNode second = upload(form().text("groupId", group).text("name", "second"));
    assertThat(
            server
                .call("DELETE", "/v1/assets/" + registeredBefore.get("assetId").asText(), key, null)
                .statusCode())
        .isEqualTo(200);
    for (int minute = 1; minute <= 5; minute++) {
      app.clock().advance(java.time.Duration.ofMinutes(1));
      server.library().reconciler().reconcile();
    }
    for (JsonNode waiting : List.of(first, second)) {
      JsonNode now = fetch(waiting);
      assertThat(now.get("status").asText()).isEqualTo("processing");
      assertThat(now.has("byteplusAssetId")).isFalse();
    }
    String owedDelete = registeredBefore.get("byteplusAssetId").asText();
    assertThat(MODEL_ARK.asset(owedDelete)).as("delete still owed").isNotNull();

    MODEL_ARK.behave(Behaviour.ACCEPT);
    server.library().reconciler().reconcile();

    assertThat(MODEL_ARK.asset(owedDelete)).isNull();
    for (JsonNode waiting : List.of(first, second)) {
      JsonNode now = fetch(waiting);
      assertThat(now.has("byteplusAssetId")).isTrue();
      assertThat(MODEL_ARK.downloaded(now.get("byteplusAssetId").asText())).isEqualTo(png);
      MODEL_ARK.settle(now.get("byteplusAssetId").asText(), "Active", null);
    }
    server.library().reconciler().reconcile();
    assertThat(status(first)).isEqualTo("active");
    assertThat(status(second)).isEqualTo("active");
  }

  @Test
  void deletingAnAssetDeletesItAtTheProviderRetryingWhileItIsDown() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    JsonNode asset = registered(upload(form().text("groupId", group)));
    String providerAssetId = asset.get("byteplusAssetId").asText();

    HttpResponse<String> deleted =
        server.call("DELETE", "/v1/assets/" + asset.get("assetId").asText(), key, null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);
    server.library().reconciler().reconcile();
    assertThat(MODEL_ARK.asset(providerAssetId)).as("still owed").isNotNull();

    MODEL_ARK.behave(Behaviour.ACCEPT);
    server.library().reconciler().reconcile();

    assertThat(MODEL_ARK.asset(providerAssetId)).isNull();
    assertThat(MODEL_ARK.calls()).contains("DeleteAsset");
    assertThat(server.library().reconciler().reconcile()).as("nothing left to do").isZero();
  }

  @Test
  void deletingAPortraitGroupDeletesItsAssetsAndItselfAtTheProvider() {
    JsonNode group = createPortraitGroup("Characters");
    String groupId = group.get("groupId").asText();
    JsonNode asset = registered(upload(form().text("groupId", groupId)));
    String providerGroupId = asset.at("/providerRefs/byteplus/groupId").asText();

    assertThat(server.call("DELETE", "/v1/asset-groups/" + groupId, key, null).statusCode())
        .isEqualTo(200);
    server.library().reconciler().reconcile();

    assertThat(MODEL_ARK.asset(asset.get("byteplusAssetId").asText())).isNull();
    assertThat(MODEL_ARK.group(providerGroupId)).isNull();
    assertThat(MODEL_ARK.calls()).containsSubsequence("DeleteAsset", "DeleteAssetGroup");
  }

  @Test
  void legacyUploadByAssetGroupIdTakesTheProviderPath() {
    importLegacyGroup();

    JsonNode asset = upload(form().text("assetGroupId", String.valueOf(LEGACY_ID)));

    assertThat(asset.get("id").isIntegralNumber()).isTrue();
    assertThat(asset.get("assetId").asText()).matches("ta_[0-9a-f]{32}");
    assertThat(asset.get("token360AssetId").asText()).isEqualTo(asset.get("assetId").asText());
    assertThat(asset.get("sourceType").asText()).isEqualTo("PROVIDER");
    assertThat(asset.get("assetGroupId").asText()).isEqualTo("legacy_rf_" + LEGACY_ID);
    assertThat(asset.get("status").asText()).isEqualTo("processing");
    assertThat(asset.at("/providerRefs/byteplus/groupId").asText()).isEqualTo("legacy-group");
    assertThat(MODEL_ARK.downloaded(asset.get("byteplusAssetId").asText())).isEqualTo(png);
  }

  @Test
  void legacyUploadByLegacyGroupIdTakesTheSamePath() {
    importLegacyGroup();

    JsonNode asset = upload(form().text("groupId", "legacy_rf_" + LEGACY_ID));

    assertThat(asset.get("sourceType").asText()).isEqualTo("PROVIDER");
  }

  @Test
  void legacyRouteAnswersWithTheProviderPathCodes() {
    importLegacyGroup();
    String alice = server.createKey(1001, 5002, "alice");

    assertError(
        server.upload(alice, form().text("assetGroupId", String.valueOf(LEGACY_ID))),
        404,
        "ASSET_GROUP_NOT_FOUND");
    server.call(
        "POST",
        "/v1/asset-groups/legacy_rf_" + LEGACY_ID + "/shares",
        key,
        Map.of("userId", 5002, "permission", "READ"));
    assertError(
        server.upload(alice, form().text("assetGroupId", String.valueOf(LEGACY_ID))),
        403,
        "ASSET_GROUP_ACCESS_DENIED");
    assertError(
        server.upload(key, Multipart.form().text("assetGroupId", String.valueOf(LEGACY_ID))),
        400,
        "ASSET_FILE_REQUIRED");
    assertError(
        server.upload(
            key,
            Multipart.form()
                .file("file", "a.png", "image/png", TestMedia.pdf())
                .text("assetGroupId", String.valueOf(LEGACY_ID))),
        415,
        "ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(MODEL_ARK.calls()).isEmpty();
  }

  @Test
  void modelLimitsAreCheckedBeforeAnythingIsSent() {
    String group = createPortraitGroup("Characters").get("groupId").asText();
    MODEL_ARK.reset();

    assertLimit(group, "small.png", TestMedia.png(64, 48), "sides");
    assertLimit(group, "wide.png", TestMedia.png(1000, 300), "ratio");
    assertLimit(group, "clip.mp4", TestMedia.fixture("plain.mp4"), "sides");
    assertLimit(group, "clip.webm", TestMedia.fixture("clip.webm"), "format");
    assertLimit(group, "short.wav", TestMedia.wav(1.5), "duration");
    assertLimit(group, "tone.ogg", TestMedia.fixture("tone.ogg"), "format");

    assertThat(MODEL_ARK.calls()).isEmpty();
    assertNothingStored();
  }

  @Test
  void modelWithinItsLimitsIsAccepted() {
    String group = createPortraitGroup("Characters").get("groupId").asText();

    JsonNode asset =
        upload(
            Multipart.form()
                .file("file", "tone.mp3", "audio/mpeg", TestMedia.fixture("tone.mp3"))
                .text("groupId", group)
                .text("model", "seedance-2.0-fast"));

    assertThat(asset.get("assetType").asText()).isEqualTo("Audio");
  }

  private void assertLimit(String group, String filename, byte[] content, String limit) {
    JsonNode body =
        assertError(
            server.upload(
                key,
                Multipart.form()
                    .file("file", filename, "application/octet-stream", content)
                    .text("groupId", group)
                    .text("model", "seedance-2.0")),
            422,
            "ASSET_MODEL_LIMIT_EXCEEDED");
    assertThat(body.at("/data/limit").asText()).as(filename).isEqualTo(limit);
  }

  @Test
  void legacyRouteChecksActiveKindAndProviderRefInThatOrder() {
    storeLegacyGroup(41, "REAL_FACE", "pending_validation", null);
    storeLegacyGroup(42, "GENERIC", "active", null);
    storeLegacyGroup(43, "REAL_FACE", "active", null);

    assertError(
        server.upload(key, form().text("assetGroupId", "41")), 409, "ASSET_GROUP_NOT_ACTIVE");
    assertError(
        server.upload(key, form().text("assetGroupId", "42")), 422, "ASSET_GROUP_TYPE_UNSUPPORTED");
    assertError(
        server.upload(key, form().text("assetGroupId", "43")),
        409,
        "ASSET_GROUP_PROVIDER_REF_MISSING");
    assertError(
        server.upload(key, Multipart.form().text("assetGroupId", "41")),
        409,
        "ASSET_GROUP_NOT_ACTIVE");
    assertThat(MODEL_ARK.calls()).isEmpty();
    assertNothingStored();
  }

  @Test
  void fileChecksComeAfterTheGroupChecksOnBothRoutes() {
    importLegacyGroup();
    String group = createPortraitGroup("Characters").get("groupId").asText();

    assertError(
        server.upload(key, Multipart.form().text("groupId", group)),
        400,
        "UNIFIED_ASSET_FILE_REQUIRED");
    assertError(
        server.upload(
            key,
            Multipart.form()
                .file("file", "big.png", "image/png", TestMedia.random(9 * 1024 * 1024, 1))
                .text("assetGroupId", String.valueOf(LEGACY_ID))),
        413,
        "ASSET_FILE_TOO_LARGE");
    assertNothingStored();
  }

  @Test
  void unifiedRouteIntoAPortraitGroupWithoutProviderRefIsRefused() {
    server.storeGroup(
        "ug_0123456789abcdef0123456789abcdef", "Broken", "VIRTUAL_PORTRAIT", "active", null, null);

    assertError(
        server.upload(key, form().text("groupId", "ug_0123456789abcdef0123456789abcdef")),
        409,
        "ASSET_GROUP_PROVIDER_REF_MISSING");
  }

  /** A legacy group in a state the server never creates itself. */
  private void storeLegacyGroup(long legacyId, String kind, String status, String providerGroup) {
    server.storeGroup(
        "legacy_rf_" + legacyId, "Legacy " + legacyId, kind, status, legacyId, providerGroup);
  }

  @Test
  void providerRefusalOnTheLegacyRouteIs422AndLeavesNothingBehind() {
    importLegacyGroup();
    MODEL_ARK.refuseWith("FaceMismatch");

    JsonNode body =
        assertError(
            server.upload(key, form().text("assetGroupId", String.valueOf(LEGACY_ID))),
            422,
            "ASSET_PROVIDER_REJECTED");

    assertThat(body.at("/data/providerLastError/code").asText()).isEqualTo("FaceMismatch");
    assertNothingStored();
  }

  @Test
  void provider5xxOnTheLegacyRouteIs502AtOnceAndLeavesNothingBehind() {
    importLegacyGroup();
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);

    assertError(
        server.upload(key, form().text("assetGroupId", String.valueOf(LEGACY_ID))),
        502,
        "ASSET_PROVIDER_UNAVAILABLE");

    // A 5xx may come after the provider created the asset: asking again could create a second.
    assertThat(MODEL_ARK.calls()).containsExactly("CreateAsset");
    assertNothingStored();
  }

  @Test
  void throttlingIsRetried() {
    importLegacyGroup();
    MODEL_ARK.behave(Behaviour.THROTTLE_ONCE);

    JsonNode asset = upload(form().text("assetGroupId", String.valueOf(LEGACY_ID)));

    assertThat(asset.get("status").asText()).isEqualTo("processing");
    assertThat(MODEL_ARK.calls()).containsExactly("CreateAsset", "CreateAsset");
  }

  @Test
  void providerHangingPastTheTimeoutIs502() {
    importLegacyGroup();
    MODEL_ARK.behave(Behaviour.HANG);

    assertError(
        server.upload(key, form().text("assetGroupId", String.valueOf(LEGACY_ID))),
        502,
        "ASSET_PROVIDER_UNAVAILABLE");

    assertNothingStored();
  }

  private JsonNode createPortraitGroup(String name) {
    HttpResponse<String> response =
        server.call(
            "POST", "/v1/asset-groups", key, Map.of("name", name, "groupKind", "VIRTUAL_PORTRAIT"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  private void importLegacyGroup() {
    server.library().groups().importLegacy(LEGACY_ID, 1001, 5001, "legacy-group", "Legacy faces");
  }

  private Multipart form() {
    return Multipart.form().file("file", "face.png", "image/png", png);
  }

  private JsonNode upload(Multipart form) {
    HttpResponse<String> response = server.upload(key, form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  private void assertNothingStored() {
    assertThat(server.assetRows()).isZero();
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
  }

  private static JsonNode assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("serviceCode").asText()).isEqualTo(code);
    return body;
  }
}
