package ai.assetlibrary.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.FakeModelArk;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RealFace groups: verification link, callback, and a reconciler that never lets a group stick. */
class RealFaceTest extends ServerTest {

  @RegisterExtension static final FakeModelArk MODEL_ARK = new FakeModelArk();

  RealFaceTest() {
    super(new RunningServer(MODEL_ARK.environment()));
  }

  @BeforeEach
  void freshProvider() {
    MODEL_ARK.reset();
  }

  @Test
  void newRealFaceGroupAwaitsVerificationWithALink() {
    JsonNode group = createRealFaceGroup();

    assertThat(group.get("status").asText()).isEqualTo("pending_validation");
    assertThat(group.get("h5Link").asText()).endsWith("/verify/" + MODEL_ARK.lastBytedToken());
    assertThat(group.has("h5LinkExpiresAt")).isTrue();
    assertThat(MODEL_ARK.calls()).containsExactly("CreateVisualValidateSession");
  }

  @Test
  void uploadsWaitUntilTheGroupIsVerified() {
    String group = createRealFaceGroup().get("groupId").asText();

    HttpResponse<String> response = server.upload(key, face().text("groupId", group));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(TestServer.json(response).get("serviceCode").asText())
        .isEqualTo("ASSET_GROUP_NOT_ACTIVE");
  }

  @Test
  void callbackActivatesTheGroupOnceTheProviderConfirmsIt() throws Exception {
    String group = createRealFaceGroup().get("groupId").asText();

    MODEL_ARK.completeVerification(MODEL_ARK.lastBytedToken(), "rf-group-1", false);

    JsonNode verified = group(group);
    assertThat(verified.get("status").asText()).isEqualTo("active");
    assertThat(verified.has("h5Link")).isFalse();
    assertThat(MODEL_ARK.calls()).contains("GetVisualValidateResult");
    HttpResponse<String> upload = server.upload(key, face().text("groupId", group));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    server.library().reconciler().reconcile();
    String assetId = TestServer.json(upload).at("/data/assetId").asText();
    assertThat(
            TestServer.json(server.get("/v1/assets/" + assetId, key))
                .at("/data/providerRefs/byteplus/groupId")
                .asText())
        .isEqualTo("rf-group-1");
  }

  @Test
  void aLostCallbackIsMadeUpForByTheReconciler() throws Exception {
    String group = createRealFaceGroup().get("groupId").asText();
    assertThat(server.library().reconciler().reconcile()).as("still pending").isZero();

    MODEL_ARK.completeVerification(MODEL_ARK.lastBytedToken(), "rf-group-2", true);
    assertThat(group(group).get("status").asText()).isEqualTo("pending_validation");

    assertThat(server.library().reconciler().reconcile()).isEqualTo(1);
    assertThat(group(group).get("status").asText()).isEqualTo("active");
  }

  @Test
  void aForgedCallbackChangesNothing() throws Exception {
    String group = createRealFaceGroup().get("groupId").asText();
    String callback = MODEL_ARK.asCallbackPath(MODEL_ARK.lastBytedToken());

    HttpResponse<String> response =
        server.call("POST", callback + "?resultCode=10000", null, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(group(group).get("status").asText()).isEqualTo("pending_validation");
    assertThat(
            server
                .call("POST", "/callbacks/byteplus/visual-validation/unknown", null, Map.of())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anExpiredLinkCanBeRefreshed() {
    String group = createRealFaceGroup().get("groupId").asText();
    String first = MODEL_ARK.lastBytedToken();

    HttpResponse<String> response =
        server.call("POST", "/v1/asset-groups/" + group + "/verification", key, null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode refreshed = TestServer.json(response).get("data");
    assertThat(MODEL_ARK.lastBytedToken()).isNotEqualTo(first);
    assertThat(refreshed.get("h5Link").asText()).endsWith("/verify/" + MODEL_ARK.lastBytedToken());
    HttpResponse<String> library =
        server.call("POST", "/v1/asset-groups/library/verification", key, null);
    assertThat(library.statusCode()).as(library.body()).isEqualTo(409);
    assertThat(TestServer.json(library).get("serviceCode").asText())
        .isEqualTo("ASSET_GROUP_NOT_PENDING");
  }

  private JsonNode createRealFaceGroup() {
    HttpResponse<String> response =
        server.call(
            "POST", "/v1/asset-groups", key, Map.of("name", "Me", "groupKind", "REAL_FACE"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  private JsonNode group(String groupId) {
    return TestServer.json(server.get("/v1/asset-groups/" + groupId, key)).get("data");
  }

  private static Multipart face() {
    return Multipart.form().file("file", "face.png", "image/png", TestMedia.png(400, 400));
  }
}
