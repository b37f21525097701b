package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tus-js-client 4.3.1, the resumable-upload client of the web (and of Uppy), against the real
 * server: runs {@code tus-js/test/} on Node's own test runner, with the version its lockfile pins,
 * in its tus 1.0.0 mode and both of its IETF draft modes.
 */
class TusJsClientTest extends ServerTest {

  private static final Path PROJECT = Path.of("tus-js");

  @TempDir Path dir;

  @Test
  void uploadsGivenUpMidwayResumeInEveryProtocolTheClientSpeaks() throws Exception {
    Path file = Files.write(dir.resolve("interview.wav"), TestMedia.wav(300));
    Map<String, String> environment =
        Map.of(
            "ASSETS_BASE_URL", server.uri("").toString().replaceAll("/$", ""),
            "ASSETS_API_KEY", key,
            "ASSETS_UPLOAD_FILE", file.toAbsolutePath().toString());

    NodeProject project = new NodeProject(PROJECT, dir);
    project.npm(Map.of(), "ci", "--no-audit", "--no-fund");
    String output = project.npm(environment, "test");

    assertThat(output).contains("# pass 4").contains("# fail 0");
  }
}
