package ai.assetlibrary.pact;

import ai.assetlibrary.server.testing.TestServer;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
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
 * port over a temporary data directory. Provider states arrange data through the services.
 */
@Provider("asset-library")
@PactFolder("pacts")
class AssetLibraryProviderPactTest {

  /** The upload limit the contracts were written against (their too-large file exceeds it). */
  static final long UPLOAD_LIMIT_BYTES = 16 * 1024;

  private static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void startServer() throws IOException {
    dataDir = Files.createTempDirectory("pact-provider");
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
    server
        .library()
        .apiKeys()
        .register(
            ((Number) params.get("tenantId")).longValue(),
            ((Number) params.get("userId")).longValue(),
            (String) params.get("userName"),
            (String) params.get("apiKey"));
  }
}
