package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.Errors.assertError;
import static ai.assetlibrary.server.library.Errors.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on uploads: a retry of the same content answers with the same asset and
 * stores nothing twice; other content under the key is refused; keys belong to one user and are
 * forgotten after 24 hours or when their asset is deleted.
 */
class IdempotencyTest extends ServerTest {

  private static final String KEY_1 = "7d4c2e8f-6a1b-4c5d-9e0f-1a2b3c4d5e6f";

  private static Multipart photo(int seed) {
    return Multipart.form()
        .file("file", "photo.png", "image/png", TestMedia.noisePng(40, 30, seed))
        .text("name", "photo " + seed);
  }

  @Test
  void aRetryOfTheSameUploadAnswersWithTheSameAssetAndStoresNothingTwice() {
    HttpResponse<String> first = server.upload(key, photo(1), KEY_1);
    HttpResponse<String> retry = server.upload(key, photo(1), KEY_1);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(assetId(retry)).isEqualTo(assetId(first));
    assertThat(server.assetRows()).isEqualTo(1);
    assertThat(server.storedBlobs()).hasSize(2); // the file and its thumbnail
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void theSameKeyWithOtherContentIsRefusedAndKeepsNothing() {
    server.upload(key, photo(1), KEY_1);

    HttpResponse<String> otherFile = server.upload(key, photo(2), KEY_1);
    HttpResponse<String> otherName =
        server.upload(
            key,
            Multipart.form()
                .file("file", "photo.png", "image/png", TestMedia.noisePng(40, 30, 1))
                .text("name", "renamed"),
            KEY_1);

    assertThat(assertError(otherFile, 409, "IDEMPOTENCY_KEY_REUSED").at("/data/field").asText())
        .isEqualTo("Idempotency-Key");
    assertError(otherName, 409, "IDEMPOTENCY_KEY_REUSED");
    assertThat(server.assetRows()).isEqualTo(1);
    assertThat(server.storedBlobs()).hasSize(2);
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void concurrentRequestsUnderOneKeyStoreOneAsset() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> sends =
          IntStream.range(0, 8)
              .<Callable<HttpResponse<String>>>mapToObj(
                  i -> () -> server.upload(key, photo(7), KEY_1))
              .toList();
      List<String> ids =
          clients.invokeAll(sends).stream().map(IdempotencyTest::done).map(this::assetId).toList();

      assertThat(ids).hasSize(8).containsOnly(ids.get(0));
      assertThat(server.assetRows()).isEqualTo(1);
      assertThat(server.storedBlobs()).hasSize(2);
      assertThat(server.leftoverWrites()).isEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void keysBelongToOneUser() {
    String other = server.createKey(1001, 5002, "bob");

    HttpResponse<String> mine = server.upload(key, photo(1), KEY_1);
    HttpResponse<String> theirs = server.upload(other, photo(2), KEY_1);

    assertThat(theirs.statusCode()).isEqualTo(200);
    assertThat(assetId(theirs)).isNotEqualTo(assetId(mine));
  }

  @Test
  void aKeyIsForgottenAfter24HoursAndWhenItsAssetIsDeleted() {
    String firstId = assetId(server.upload(key, photo(1), KEY_1));

    app.clock().advance(Duration.ofHours(24));
    HttpResponse<String> afterExpiry = server.upload(key, photo(2), KEY_1);
    assertThat(afterExpiry.statusCode()).as(afterExpiry.body()).isEqualTo(200);
    assertThat(assetId(afterExpiry)).isNotEqualTo(firstId);

    assertThat(server.call("DELETE", "/v1/assets/" + assetId(afterExpiry), key, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> afterDelete = server.upload(key, photo(3), KEY_1);
    assertThat(afterDelete.statusCode()).isEqualTo(200);
    assertThat(afterDelete.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aRefusedUploadDoesNotUseUpItsKey() {
    HttpResponse<String> refused =
        server.upload(
            key, Multipart.form().file("file", "a.pdf", "application/pdf", TestMedia.pdf()), KEY_1);
    HttpResponse<String> accepted = server.upload(key, photo(1), KEY_1);

    assertError(refused, 415, "ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aMalformedKeyIsRefusedBeforeTheBodyIsStored() {
    assertField(server.upload(key, photo(1), "x".repeat(256)), "Idempotency-Key");
    assertField(server.upload(key, photo(1), "has space"), "Idempotency-Key");
    assertThat(server.assetRows()).isZero();
    assertThat(server.leftoverWrites()).isEmpty();
  }

  private String assetId(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).at("/data/assetId").asText();
  }

  private static <T> T done(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
