package ai.assetlibrary.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension giving each test a fresh {@link TestServer} over its own temporary data
 * directory, with a clock the test controls, and an API key for user {@code demo} (tenant 1001,
 * user 5001).
 */
public final class RunningServer implements BeforeEachCallback, AfterEachCallback {

  private final Map<String, String> environment;
  private final TestClock clock = new TestClock();
  private Path dataDir;
  private TestServer server;
  private String key;

  public RunningServer() {
    this(Map.of());
  }

  /** A server configured with these {@code ASSETS_*} variables. */
  public RunningServer(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static RunningServer withUploadLimit(long bytes) {
    return new RunningServer(Map.of("ASSETS_MAX_UPLOAD_BYTES", String.valueOf(bytes)));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("assets-test");
    server = TestServer.start(dataDir, environment, clock);
    key = server.createKey(1001, 5001, "demo");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.close();
    Backends.discard(dataDir);
    Directories.deleteRecursively(dataDir);
  }

  /** Restarts the server over the same data with more variables set; keys stay valid. */
  public TestServer restart(Map<String, String> moreEnvironment) {
    return restart(moreEnvironment, () -> {});
  }

  /** The same, running {@code whileStopped} between the stop and the start. */
  public TestServer restart(Map<String, String> moreEnvironment, Runnable whileStopped) {
    server.close();
    whileStopped.run();
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(moreEnvironment);
    server = TestServer.start(dataDir, env, clock);
    return server;
  }

  public TestServer server() {
    return server;
  }

  /** The server's clock: advance it to let shares and retention periods run out. */
  public TestClock clock() {
    return clock;
  }

  /** The demo user's API key. */
  public String key() {
    return key;
  }

  public Path dataDir() {
    return dataDir;
  }
}
