package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.assetlibrary.server.AssetLibrary;
import ai.assetlibrary.server.ServerConfig;
import ai.assetlibrary.server.service.OrphanSweeper;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a crash can leave behind (partial writes, blobs whose record never came or already went) is
 * removed at start-up and by the periodic sweep, and nothing that belongs to a record or to a write
 * in progress is touched.
 */
class OrphanRecoveryTest extends ServerTest {

  private static final Duration GRACE = Duration.ofHours(1);

  @Test
  void startUpRemovesPartialWritesAndOldBlobsWithoutARecord() throws IOException {
    JsonNode kept = server.uploadPng(key, "library", "kept.png");
    Path partial = server.library().staging().directory().resolve("crashed.part");
    Files.write(partial, new byte[1000]);
    String orphan = "zz/ua_00000000000000000000000000000000.png";
    storeWithoutRecord(orphan);
    // Shared storage spares blobs younger than the grace period even at start-up (another
    // instance may be about to record them); let the orphan grow old enough for either backend.
    app.clock().advance(GRACE.multipliedBy(2));

    TestServer restarted = app.restart(Map.of());
    restarted.library().recovered().join(); // in the background, while the server serves

    assertThat(partial).doesNotExist();
    assertThat(restarted.storedBlobs()).doesNotContain(orphan);
    assertThat(restarted.leftoverWrites()).isEmpty();
    assertThat(restarted.storedBlobs()).hasSize(2); // the kept file and its thumbnail
    String path = URI.create(kept.get("url").asText()).getPath();
    assertThat(restarted.fetch(restarted.uri(path)).statusCode()).isEqualTo(200);
  }

  /** Ages blobs by their files' modification times: the filesystem store's own clock. */
  @Test
  @Tag(Backends.EMBEDDED_ONLY)
  void thePeriodicSweepSparesYoungBlobsRecordedBlobsAndWritesInProgress() throws IOException {
    JsonNode recorded = server.uploadPng(key, "library", "recorded.png");
    for (String stored : server.storedBlobs()) {
      age(app.dataDir().resolve("blobs").resolve(stored));
    }
    Path oldOrphan = age(plantBlob("zz/ua_11111111111111111111111111111111.png"));
    Path youngOrphan = plantBlob("zz/ua_22222222222222222222222222222222.png");
    Path abandoned = server.library().staging().directory().resolve("abandoned.part");
    Files.write(abandoned, new byte[10]);

    try (PendingBlob inProgress = server.library().blobs().create("ab/in-progress.png")) {
      inProgress.write(new byte[] {1, 2, 3}, 0, 3);

      OrphanSweeper.Swept swept = server.library().orphans().sweep(GRACE);

      assertThat(swept).isEqualTo(new OrphanSweeper.Swept(1, 1));
      assertThat(inProgress.stagingFile()).exists();
    }
    assertThat(oldOrphan).doesNotExist();
    assertThat(abandoned).doesNotExist();
    assertThat(youngOrphan).exists();
    assertThat(server.storedBlobs()).hasSize(3);
    assertThat(server.fetch(URI.create(recorded.get("url").asText())).statusCode()).isEqualTo(200);
  }

  /**
   * The start-up sweep of the embedded backend takes every orphan written before the library
   * opened, and nothing written since: an upload of this process may still commit it.
   */
  @Test
  @Tag(Backends.EMBEDDED_ONLY)
  void theStartUpSweepSparesWhatWasWrittenSinceTheLibraryOpened() throws IOException {
    Instant opened = Instant.now().minus(GRACE);
    Path before = age(plantBlob("zz/ua_33333333333333333333333333333333.png"));
    Path since = plantBlob("zz/ua_44444444444444444444444444444444.png");

    OrphanSweeper.Swept swept = server.library().orphans().sweepWrittenBy(opened);

    assertThat(swept.orphanBlobs()).isEqualTo(1);
    assertThat(before).doesNotExist();
    assertThat(since).exists();
  }

  @Test
  @Tag(Backends.EMBEDDED_ONLY)
  void aSecondServerCannotOpenADataDirectoryInUseButACommandCan() throws IOException {
    ServerConfig config =
        ServerConfig.fromEnvironment(Map.of("ASSETS_DATA_DIR", app.dataDir().toString()));

    assertThatThrownBy(() -> AssetLibrary.open(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Another server is using the data directory");
    try (AssetLibrary command = AssetLibrary.forCommand(config)) {
      String other = command.apiKeys().create(1001, 5002, "other");
      assertThat(server.get("/v1/assets", other).statusCode()).isEqualTo(200);
    }
  }

  private Path plantBlob(String key) throws IOException {
    Path file = app.dataDir().resolve("blobs").resolve(key);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1, 2, 3});
    return file;
  }

  private void storeWithoutRecord(String key) throws IOException {
    try (PendingBlob blob = server.library().blobs().create(key)) {
      blob.write(new byte[] {1, 2, 3}, 0, 3);
      blob.commit();
    }
  }

  private static Path age(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(GRACE.multipliedBy(2))));
    return file;
  }
}
