package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript client a consumer generates from {@code api/openapi.yaml} (openapi-generator
 * {@code typescript-fetch}) works against the real server: runs {@code typescript/test/} on Node's
 * own test runner, with the dependencies its lockfile pins, against a server started here and the
 * same server answering as a later contract might ({@link LaterContractServer}).
 */
class TypeScriptClientTest extends ServerTest {

  private static final Path PROJECT = Path.of("typescript");
  private static final long OTHER_USER = 5002;

  @TempDir Path dir;

  @Test
  void uploadsReadsBackListsSharesDeletesAndReadsEnumValuesOfALaterContract()
      throws IOException, InterruptedException {
    Path file = Files.write(dir.resolve("upload.png"), TestMedia.png(64, 48));
    try (LaterContractServer later = LaterContractServer.inFrontOf(server.uri(""))) {
      Map<String, String> environment =
          Map.of(
              "ASSETS_BASE_URL", server.uri("").toString(),
              "ASSETS_LATER_BASE_URL", later.uri().toString(),
              "ASSETS_API_KEY", key,
              "ASSETS_OTHER_API_KEY", server.createKey(1001, OTHER_USER, "bob"),
              "ASSETS_OTHER_USER_ID", String.valueOf(OTHER_USER),
              "ASSETS_UPLOAD_FILE", file.toAbsolutePath().toString());

      NodeProject project = new NodeProject(PROJECT, dir);
      project.npm(Map.of(), "ci", "--no-audit", "--no-fund");
      String output = project.npm(environment, "test");

      assertThat(output).contains("# pass 2").contains("# fail 0");
    }
  }
}
