package ai.assetlibrary.pact;

import ai.assetlibrary.server.auth.Caller;
import ai.assetlibrary.server.service.AssetView;
import ai.assetlibrary.server.service.GroupChanges;
import ai.assetlibrary.server.service.GroupView;
import ai.assetlibrary.server.service.Permission;
import ai.assetlibrary.server.service.ShareService.ShareRequest;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every consumer contract in {@code pact/pacts/} against the real server, booted on a free
 * port over a temporary data directory. Provider states arrange data through the services and hand
 * the ids they create back to the contract (provider-state injected values).
 */
@Provider("asset-library")
@PactFolder("pacts")
class AssetLibraryProviderPactTest {

  /** The upload limit the contracts were written against (their too-large file exceeds it). */
  static final long UPLOAD_LIMIT_BYTES = 16 * 1024;

  private static TestServer server;

  private Caller caller;
  private String assetId;
  private String groupId;

  @BeforeAll
  static void startServer() throws IOException {
    Path dataDir = Files.createTempDirectory("pact-provider");
    server = TestServer.start(dataDir, UPLOAD_LIMIT_BYTES);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
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
    server
        .library()
        .apiKeys()
        .register(tenantId, userId, userName, (String) params.get("apiKey"));
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
            .upload(caller, form.contentType(), new ByteArrayInputStream(form.body()));
    assetId = asset.asset().assetId();
    return Map.of("assetId", assetId, "deliveryKey", asset.asset().deliveryKey());
  }

  /** A GENERIC group named Campaign. Injects groupId. */
  @State("the user has an asset group")
  Map<String, Object> userHasAnAssetGroup() {
    GroupView group =
        server.library().groups().create(caller, new GroupChanges("Campaign", "GENERIC", null, null));
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

  private static ShareRequest shareRequest(Map<String, Object> params) {
    return new ShareRequest(
        number(params, "userId"), Permission.valueOf((String) params.get("permission")), null);
  }

  private static long number(Map<String, Object> params, String name) {
    return ((Number) params.get(name)).longValue();
  }
}
