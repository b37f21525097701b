package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A user's files may take up to {@code ASSETS_USER_QUOTA_BYTES}; an upload past it is refused with
 * 507 and keeps nothing, and deleting makes room again.
 */
class StorageQuotaTest extends ServerTest {

  private static final byte[] PHOTO = TestMedia.noisePng(60, 40, 1);
  private static final long QUOTA = 2L * PHOTO.length + PHOTO.length / 2;

  StorageQuotaTest() {
    super(new RunningServer(Map.of("ASSETS_USER_QUOTA_BYTES", String.valueOf(QUOTA))));
  }

  private HttpResponse<String> upload(String apiKey) {
    return server.upload(apiKey, Multipart.form().file("file", "p.png", "image/png", PHOTO));
  }

  @Test
  void anUploadPastTheQuotaIsRefusedUntilSomethingIsDeleted() {
    String first = TestServer.json(upload(key)).at("/data/assetId").asText();
    assertThat(upload(key).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = upload(key);

    JsonNode body = assertError(refused, 507, "STORAGE_QUOTA_EXCEEDED");
    assertThat(body.at("/data/limitBytes").asLong()).isEqualTo(QUOTA);
    assertThat(body.at("/data/usedBytes").asLong()).isEqualTo(2L * PHOTO.length);
    assertThat(server.assetRows()).isEqualTo(2);
    assertThat(server.storedBlobs()).hasSize(4);
    assertThat(server.leftoverWrites()).isEmpty();

    assertThat(server.call("DELETE", "/v1/assets/" + first, key, null).statusCode()).isEqualTo(200);
    assertThat(upload(key).statusCode()).isEqualTo(200);
  }

  @Test
  void uploadsRacingForTheLastRoomCannotTakeTheOwnerPastTheQuota() {
    List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      HttpRequest request =
          Multipart.form()
              .file("file", "p" + i + ".png", "image/png", TestMedia.noisePng(60, 40, 10 + i))
              .postTo(server.uri("/v1/assets"), key)
              .build();
      racing.add(server.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    List<Integer> statuses = racing.stream().map(r -> r.join().statusCode()).toList();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
    assertThat(statuses).filteredOn(s -> s == 507).hasSize(6);
    assertThat(server.assetRows()).isEqualTo(2);
  }

  @Test
  void eachUserHasAQuotaOfTheirOwn() {
    upload(key);
    upload(key);
    String other = server.createKey(1001, 5002, "bob");

    assertThat(upload(other).statusCode()).isEqualTo(200);
  }
}
