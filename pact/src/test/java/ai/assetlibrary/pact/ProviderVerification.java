package ai.assetlibrary.pact;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.service.AssetView;
import ai.assetlibrary.server.service.GroupChanges;
import ai.assetlibrary.server.service.GroupService;
import ai.assetlibrary.server.service.GroupView;
import ai.assetlibrary.server.service.Permission;
import ai.assetlibrary.server.service.ResumableUploads.NewUpload;
import ai.assetlibrary.server.service.ResumableUploads.UploadState;
import ai.assetlibrary.server.service.ShareService.ShareRequest;
import ai.assetlibrary.server.testing.FakeModelArk;
import ai.assetlibrary.server.testing.FakeModelArk.Behaviour;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies consumer contracts against the real server, booted on a free port over a temporary data
 * directory, with a fake BytePlus ModelArk as its provider. Provider states arrange data through
 * the services (or a DAO), hand the ids they create back to the contract (provider-state injected
 * values), and tell the fake provider how to behave. Subclasses say where the pacts come from.
 */
abstract class ProviderVerification {

  /** The upload limit the contracts were written against (their too-large file exceeds it). */
  static final long UPLOAD_LIMIT_BYTES = 16 * 1024;

  private static final FakeModelArk MODEL_ARK = new FakeModelArk();
  private static TestServer server;

  private Caller caller;
  private String assetId;
  private String groupId;

  @BeforeAll
  static void startServer() throws IOException {
    Path dataDir = Files.createTempDirectory("pact-provider");
    MODEL_ARK.start();
    Map<String, String> env = new HashMap<>(MODEL_ARK.environment());
    env.put("ASSETS_MAX_UPLOAD_BYTES", String.valueOf(UPLOAD_LIMIT_BYTES));
    server = TestServer.start(dataDir, env);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    MODEL_ARK.stop();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    MODEL_ARK.behave(Behaviour.ACCEPT);
    context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  /** Params: tenantId, userId, userName, apiKey. */
  @State("a user with an API key")
  void userWithApiKey(Map<String, Object> params) {
    long tenantId = number(params, "tenantId");
    long userId = number(params, "userId");
    String userName = (String) params.get("userName");
    server.library().apiKeys().register(tenantId, userId, userName, (String) params.get("apiKey"));
    caller = new Caller(tenantId, userId, userName);
  }

  /** A PNG named avatar.png in the user's library. Injects assetId and deliveryKey. */
  @State("the user has an asset")
  Map<String, Object> userHasAnAsset() {
    Multipart form =
        Multipart.form().file("file", "avatar.png", "image/png", TestMedia.png(16, 16));
    AssetView asset =
        server
            .library()
            .uploads()
            .upload(caller, form.contentType(), null, new ByteArrayInputStream(form.body()))
            .asset();
    assetId = asset.asset().assetId();
    return Map.of("assetId", assetId, "deliveryKey", asset.asset().deliveryKey());
  }

  /** A GENERIC group named Campaign. Injects groupId. */
  @State("the user has an asset group")
  Map<String, Object> userHasAnAssetGroup() {
    GroupView group =
        server
            .library()
            .groups()
            .create(caller, new GroupChanges("Campaign", "GENERIC", null, null));
    groupId = group.group().publicId();
    return Map.of("groupId", groupId);
  }

  /** Params: userId, userName. */
  @State("another user in the same tenant")
  void anotherUser(Map<String, Object> params) {
    server
        .library()
        .accounts()
        .ensureUser(caller.tenantId(), number(params, "userId"), (String) params.get("userName"));
  }

  /** Params: userId, permission. */
  @State("the asset is shared with the other user")
  void assetShared(Map<String, Object> params) {
    server.library().shares().shareAsset(caller, assetId, shareRequest(params));
  }

  /** Params: userId, permission. */
  @State("the group is shared with the other user")
  void groupShared(Map<String, Object> params) {
    server.library().shares().shareGroup(caller, groupId, shareRequest(params));
  }

  @State("the provider accepts requests")
  void providerAccepts() {
    MODEL_ARK.behave(Behaviour.ACCEPT);
  }

  /** Params: code, the provider's error code. */
  @State("the provider refuses assets")
  void providerRefuses(Map<String, Object> params) {
    MODEL_ARK.refuseWith((String) params.get("code"));
  }

  @State("the provider is unavailable")
  void providerUnavailable() {
    MODEL_ARK.behave(Behaviour.FAIL_WITH_500);
  }

  /**
   * A RealFace group of the user whose verification is under way at the provider. Injects groupId
   * and callbackToken (the capability in the callback URL the provider was given).
   */
  @State("a RealFace group awaiting verification")
  Map<String, Object> realFaceGroupAwaitingVerification() {
    GroupView group =
        server.library().groups().create(caller, new GroupChanges("Me", "REAL_FACE", null, null));
    groupId = group.group().publicId();
    return Map.of(
        "groupId", groupId, "callbackToken", findOwned(groupId).orElseThrow().callbackToken());
  }

  /** Params: legacyId, providerGroupId. An imported legacy RealFace group of the user. */
  @State("a legacy RealFace group")
  void legacyGroup(Map<String, Object> params) {
    long legacyId = number(params, "legacyId");
    if (findOwned(GroupService.LEGACY_PREFIX + legacyId).isEmpty()) {
      server
          .library()
          .groups()
          .importLegacy(
              legacyId,
              caller.tenantId(),
              caller.userId(),
              (String) params.get("providerGroupId"),
              "Legacy faces");
    }
  }

  /**
   * Params: groupId. A Virtual Portrait group with this public id, recorded through the DAO because
   * the contract carries the id inside its multipart body, where no value can be injected.
   */
  @State("a Virtual Portrait group with a known id")
  void virtualPortraitGroup(Map<String, Object> params) {
    String publicId = (String) params.get("groupId");
    if (findOwned(publicId).isEmpty()) {
      server.storeGroup(
          publicId, "Characters", "VIRTUAL_PORTRAIT", "active", null, "legacy-vp-group");
    }
  }

  /**
   * Params: length. An unfinished upload of avatar.png, none of its bytes sent. Injects uploadId.
   */
  @State("the user has a resumable upload")
  Map<String, Object> userHasAResumableUpload(Map<String, Object> params) {
    String metadata =
        "filename " + Base64.getEncoder().encodeToString("avatar.png".getBytes(UTF_8));
    UploadState upload =
        server
            .library()
            .resumableUploads()
            .create(
                caller,
                new NewUpload(number(params, "length"), metadata, Optional.empty()),
                Optional.empty(),
                Optional.empty());
    return Map.of("uploadId", upload.uploadId());
  }

  private Optional<GroupRecord> findOwned(String publicId) {
    return server.library().records().groups().findOwned(caller.userId(), publicId);
  }

  private static ShareRequest shareRequest(Map<String, Object> params) {
    return new ShareRequest(
        number(params, "userId"), Permission.valueOf((String) params.get("permission")), null);
  }

  private static long number(Map<String, Object> params, String name) {
    return ((Number) params.get(name)).longValue();
  }
}
