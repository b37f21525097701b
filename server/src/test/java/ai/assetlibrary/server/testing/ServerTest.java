package ai.assetlibrary.server.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that talk to a running server: a fresh server per test ({@link RunningServer}),
 * reachable as {@code server}, with the demo user's key in {@code key}.
 */
public abstract class ServerTest {

  @RegisterExtension protected final RunningServer app;

  protected TestServer server;
  protected String key;

  protected ServerTest() {
    this(new RunningServer());
  }

  protected ServerTest(RunningServer app) {
    this.app = app;
  }

  @BeforeEach
  void connectToServer() {
    server = app.server();
    key = app.key();
  }
}
