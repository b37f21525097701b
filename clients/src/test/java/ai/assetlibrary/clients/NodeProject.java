package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project of this module, run with npm: its dependencies from its lockfile, its tests.
 */
final class NodeProject {

  private final Path directory;
  private final Path log;

  /** The project in {@code directory}; npm's output goes to a log in {@code workDir}. */
  NodeProject(Path directory, Path workDir) {
    this.directory = directory;
    this.log = workDir.resolve("npm.log");
  }

  /** Runs npm with {@code arguments}; fails with its output unless it succeeds, else returns it. */
  String npm(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(Stream.concat(Stream.of(npm()), Stream.of(arguments)).toList())
            .directory(directory.toFile())
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

  private static String npm() {
    return Executables.onPath(
        "Node.js and npm are needed to test the JavaScript and TypeScript clients (.ci/run"
            + " installs them when they are missing).",
        "npm");
  }
}
