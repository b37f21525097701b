package ai.assetlibrary.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real full disk: the data directory on a 4 MiB tmpfs of its own. Uploads fill it until one is
 * refused with 507 {@code STORAGE_FULL}; nothing of that upload remains, the server keeps serving,
 * and uploads succeed again as soon as deletes free space. Mounting needs root (as {@code .ci/run}
 * has on the build machine).
 */
@Tag(Backends.EMBEDDED_ONLY)
class DiskFullTest {

  private static final int MOST_UPLOADS = 40;

  private Path mountPoint;
  private TestServer server;
  private String key;

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mountPoint = Files.createTempDirectory("assets-full-disk");
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(mount.getInputStream().readAllBytes());
    assertThat(mount.waitFor())
        .as("mounting a 4 MiB tmpfs for the test (needs root): %s", output)
        .isZero();
    server = TestServer.start(mountPoint, Map.of());
    key = server.createKey(1001, 5001, "demo");
  }

  @AfterEach
  void unmount() throws Exception {
    if (server != null) {
      server.close();
    }
    new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor();
    Files.deleteIfExists(mountPoint);
  }

  @Test
  void aFullDiskRefusesTheUploadKeepsNothingOfItAndRecoversWhenSpaceReturns() throws IOException {
    List<String> stored = new ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < MOST_UPLOADS && refused == null; i++) {
      HttpResponse<String> response = upload(i);
      if (response.statusCode() == 200) {
        stored.add(TestServer.json(response).at("/data/assetId").asText());
      } else {
        refused = response;
      }
    }

    assertThat(refused).as("an upload refused before %d fit", MOST_UPLOADS).isNotNull();
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
    JsonNode body = TestServer.json(refused);
    assertThat(body.get("serviceCode").asText()).isEqualTo("STORAGE_FULL");
    assertThat(stored).isNotEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
    assertThat(server.assetRows()).isEqualTo(stored.size());
    assertThat(server.storedBlobs()).hasSize(2 * stored.size());
    assertThat(server.get("/v1/assets", key).statusCode()).isEqualTo(200);
    assertThat(server.get("/readyz", null).statusCode()).as("still serving").isEqualTo(200);

    for (String assetId : stored.subList(0, 2)) {
      assertThat(server.call("DELETE", "/v1/assets/" + assetId, key, null).statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> again = upload(MOST_UPLOADS);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  /** About 400 KB of PNG that does not compress. */
  private HttpResponse<String> upload(int seed) {
    return server.upload(
        key,
        Multipart.form()
            .file("file", "noise.png", "image/png", TestMedia.noisePng(360, 360, seed)));
  }
}
