package ai.assetlibrary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database or bucket not reachable at start-up is waited for, for {@code
 * ASSETS_STARTUP_WAIT_SECONDS}; past it the process gives up with a message saying which.
 */
class StartupWaitTest {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anUnreachableDatabaseStopsTheStartNamingIt() throws Exception {
    int status =
        serve(
            Map.of(
                "ASSETS_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/assets",
                "ASSETS_STARTUP_WAIT_SECONDS",
                "1"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Cannot start")
        .contains("the database could not be reached within 1 s");
  }

  @Test
  void anUnreachableBucketStopsTheStartNamingIt() throws Exception {
    Map<String, String> env = new HashMap<>(Backends.s3Server().environment("absent-bucket"));
    env.put("ASSETS_S3_ENDPOINT", "http://127.0.0.1:" + closedPort());
    env.put("ASSETS_STARTUP_WAIT_SECONDS", "1");

    assertThat(serve(env)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("the blob storage could not be reached within 1 s");
  }

  @Test
  void aBucketThatComesUpDuringTheWaitIsUsed() throws IOException {
    try (S3Server s3 = S3Server.start()) {
      String bucket = s3.createBucket();
      s3.stop();
      Map<String, String> env = new HashMap<>(s3.environment(bucket));
      env.put("ASSETS_DATA_DIR", dataDir.toString());
      env.put("ASSETS_PORT", "0");
      env.put("ASSETS_STARTUP_WAIT_SECONDS", "120");

      AssetLibrary library = AssetLibrary.opening(ServerConfig.fromEnvironment(env));
      s3.restart();
      library.awaitReady();

      assertThat(library.records().apiKeys().count()).isZero();
      library.close();
    }
  }

  private int serve(Map<String, String> environment) throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("ASSETS_DATA_DIR", dataDir.toString());
    env.put("ASSETS_PORT", "0");
    return AssetServerMain.run(
        List.of(),
        env,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
