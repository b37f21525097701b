package ai.assetlibrary.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Executables;
import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive reference at {@code /docs}, opened in headless Chromium (Debian's {@code
 * chromium}) that can resolve no host but this one, so the page works from the jar alone: every
 * operation of the contract is listed, and a screenshot is kept in {@code
 * target/docs/docs-page.png}.
 */
class DocsPageTest extends ServerTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Path SCREENSHOT = Path.of("target", "docs", "docs-page.png");

  @TempDir Path profile;

  @Test
  void everyOperationOfTheContractIsListed() throws IOException, InterruptedException {
    String url = server.uri("/docs").toString();

    String dom = chromium("--dump-dom", url);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    chromium("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,3000", url);

    List<String> operations = operationAnchors();
    assertThat(operations).hasSizeGreaterThan(20);
    assertThat(operations).allSatisfy(anchor -> assertThat(dom).contains("id=\"" + anchor + "\""));
    assertThat(dom).doesNotContain("errors-wrapper");
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  /** Swagger UI's anchor for each operation: {@code operations-<first tag>-<operationId>}. */
  private static List<String> operationAnchors() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "api", "openapi.yaml").toFile());
    List<String> anchors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          JsonNode op = operation.getValue();
          anchors.add(
              "operations-"
                  + op.get("tags").get(0).asText().replace(' ', '_')
                  + "-"
                  + op.get("operationId").asText());
        }
      }
    }
    return anchors;
  }

  /** Runs headless Chromium with {@code arguments}; returns what it printed. */
  private String chromium(String... arguments) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Executables.onPath(
                    "Headless Chromium is needed to test /docs: install Debian's chromium package"
                        + " (.ci/run does so when it is missing).",
                    "chromium",
                    "chromium-browser"),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + profile,
                // Only loopback resolves: a page that needed a CDN would render nothing.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--virtual-time-budget=30000"));
    command.addAll(List.of(arguments));
    Path output = profile.resolve("stdout");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(profile.resolve("stderr").toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + command);
    }
    assertThat(process.exitValue()).as("Chromium's exit status").isZero();
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
