package ai.assetlibrary.server.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server jar running in a process of its own, on a free port, as an operator starts it
 * (with the build's class-data-sharing archive); killed with SIGKILL rather than stopped.
 */
final class ChildServer implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Serving on [^:\\s]+:(\\d+)");
  private static final long START_TIMEOUT_SECONDS = 60;

  private final Process process;
  private final int port;
  private final BlockingQueue<String> linesSinceServing;

  private ChildServer(Process process, int port, BlockingQueue<String> linesSinceServing) {
    this.process = process;
    this.port = port;
    this.linesSinceServing = linesSinceServing;
  }

  /** Starts the jar over {@code dataDir} with {@code apiKey} bootstrapped; returns once serving. */
  static ChildServer start(Path dataDir, String apiKey) throws IOException {
    return start(dataDir, apiKey, Map.of());
  }

  /** The same, with more {@code ASSETS_*} variables (a shared backend, say). */
  static ChildServer start(Path dataDir, String apiKey, Map<String, String> environment)
      throws IOException {
    Path jar = Path.of(System.getProperty("assets.jar", "target/asset-server.jar"));
    Path cache = jar.resolveSibling("asset-server.aot");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Files.isRegularFile(cache)) {
      command.add("-XX:AOTCache=" + cache);
    }
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ASSETS_PORT", "0");
    builder.environment().put("ASSETS_DATA_DIR", dataDir.toString());
    builder.environment().put("ASSETS_BOOTSTRAP_API_KEY", apiKey);
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<Integer> serving = new CompletableFuture<>();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    BlockingQueue<String> later = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(() -> readOutput(process, serving, output, later), "child-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ChildServer(process, serving.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), later);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("The server did not start:\n" + String.join("\n", output));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Drains the process's output (so it never blocks on a full pipe), noting the port it serves; the
   * lines up to serving go to {@code output}, those from the serving line on to {@code later}.
   */
  private static void readOutput(
      Process process,
      CompletableFuture<Integer> serving,
      List<String> output,
      BlockingQueue<String> later) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (serving.isDone()) {
          later.add(line);
          continue;
        }
        output.add(line);
        Matcher matcher = SERVING.matcher(line);
        if (matcher.find()) {
          later.add(line);
          serving.complete(Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      serving.completeExceptionally(new UncheckedIOException(e));
    }
    serving.completeExceptionally(new IllegalStateException("The server exited"));
  }

  /**
   * The next line the server printed, from the one that announced serving on; waits for it up to
   * the start timeout.
   */
  String nextLine() throws InterruptedException {
    String line = linesSinceServing.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("The server printed nothing more");
    }
    return line;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** SIGKILL: no shutdown hook, no flush, no clean-up; returns once the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
