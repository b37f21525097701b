package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sixteen clients writing at once (uploads under a quota, renames, shares, revokes, deletes, new
 * groups) all contend for SQLite's single writer: every request waits its turn and succeeds, none
 * sees the database busy or locked.
 */
class ConcurrentWritesTest extends ServerTest {

  private static final int CLIENTS = 16;
  private static final int ROUNDS = 12;

  ConcurrentWritesTest() {
    // A quota makes every upload read the owner's total before it inserts, in one transaction;
    // the rate limit is off, since all sixteen clients share one key.
    super(
        new RunningServer(
            Map.of("ASSETS_USER_QUOTA_BYTES", "1000000000", "ASSETS_RATE_LIMIT_PER_MINUTE", "0")));
  }

  @Test
  void concurrentWritersAllSucceed() throws Exception {
    server.createKey(1001, 5002, "bob");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Callable<List<Integer>>> work =
          IntStream.range(0, CLIENTS)
              .<Callable<List<Integer>>>mapToObj(c -> () -> client(c))
              .toList();
      List<Integer> statuses =
          clients.invokeAll(work).stream()
              .map(ConcurrentWritesTest::done)
              .flatMap(List::stream)
              .toList();

      assertThat(statuses).hasSize(CLIENTS * ROUNDS * 6).containsOnly(200);
    } finally {
      clients.shutdownNow();
    }
    assertThat(server.assetRows()).isZero();
    assertThat(server.leftoverWrites()).isEmpty();
  }

  /** One client's rounds: upload, rename, share, revoke, delete, create a group. */
  private List<Integer> client(int client) {
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      HttpResponse<String> uploaded =
          server.upload(
              key,
              Multipart.form()
                  .file(
                      "file",
                      "c.png",
                      "image/png",
                      TestMedia.noisePng(24, 24, client * 100L + round)));
      statuses.add(uploaded.statusCode());
      String id = TestServer.json(uploaded).at("/data/assetId").asText();
      String asset = "/v1/assets/" + id;
      statuses.add(server.call("PATCH", asset, key, Map.of("name", "renamed")).statusCode());
      statuses.add(
          server
              .call("POST", asset + "/shares", key, Map.of("userId", 5002, "permission", "READ"))
              .statusCode());
      statuses.add(server.call("DELETE", asset + "/shares/5002", key, null).statusCode());
      statuses.add(server.call("DELETE", asset, key, null).statusCode());
      statuses.add(
          server
              .call(
                  "POST",
                  "/v1/asset-groups",
                  key,
                  Map.of("name", "g-" + client + "-" + round, "groupKind", "GENERIC"))
              .statusCode());
    }
    return statuses;
  }

  private static <T> T done(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
