package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Executables;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

      npm(Map.of(), "ci", "--no-audit", "--no-fund");
      String output = npm(environment, "test");

      assertThat(output).contains("# pass 2").contains("# fail 0");
    }
  }

  private static String npm() {
    return Executables.onPath(
        "Node.js and npm are needed to test the TypeScript client (.ci/run installs them when they"
            + " are missing).",
        "npm");
  }

  /** Runs npm in the TypeScript project; fails with its output unless it succeeds. */
  private String npm(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    Path log = dir.resolve("npm.log");
    ProcessBuilder builder =
        new ProcessBuilder(Stream.concat(Stream.of(npm()), Stream.of(arguments)).toList())
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished && process.exitValue() == 0)
        .as("npm %s:%n%s", List.of(arguments), output)
        .isTrue();
    return output;
  }
}
