package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Deleting removes the record first, so delivery stops at once, then the bytes; bytes the store
 * could not remove stay queued in the records, and the sweep removes them once it can.
 */
class BlobRemovalTest extends ServerTest {

  @Test
  void bytesTheStoreCannotRemoveNowAreRemovedByTheSweepOnceItCan() throws IOException {
    JsonNode asset = server.uploadPng(key, "library", "a.png");
    String id = asset.get("assetId").asText();
    String stored = server.storageKeyOf(asset);

    breakRemovalOf(stored);
    try {
      assertThat(server.call("DELETE", "/v1/assets/" + id, key, null).statusCode()).isEqualTo(200);
      Errors.assertError(server.get("/v1/assets/" + id, key), 404, "ASSET_NOT_FOUND");
      assertThat(server.assetRows()).isZero();
      assertThat(server.library().records().blobDeletions().next(10)).contains(stored);
    } finally {
      repair(stored);
    }
    assertThat(server.fetch(URI.create(asset.get("url").asText())).statusCode()).isEqualTo(404);

    // Without its bucket the thumbnail's removal failed as well; on files only the one broken.
    assertThat(server.library().files().retryQueued()).isEqualTo(Backends.s3() ? 2 : 1);

    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.library().records().blobDeletions().count()).isZero();
  }

  /** The bucket goes away; on files, a directory stands where the file was. */
  private void breakRemovalOf(String key) throws IOException {
    if (Backends.s3()) {
      Backends.s3Server().stop();
    } else {
      Path file = app.dataDir().resolve("blobs").resolve(key);
      Files.delete(file);
      Files.createDirectories(file.resolve("in-the-way"));
    }
  }

  private void repair(String key) throws IOException {
    if (Backends.s3()) {
      Backends.s3Server().restart();
    } else {
      Path file = app.dataDir().resolve("blobs").resolve(key);
      Files.delete(file.resolve("in-the-way"));
      Files.delete(file);
    }
  }
}
