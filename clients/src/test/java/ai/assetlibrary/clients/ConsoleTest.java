package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Executables;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console at {@code /console}, used in Debian's Chromium through playwright-core ({@code
 * console/test/}, the version its lockfile pins) against the real server: sign in, uploads through
 * Uppy (one paused and resumed), the grid and its filters, the detail, rename, share, delete,
 * refusals, groups, nothing fetched from elsewhere; and an upload that survives a restart of the
 * server. Screenshots are kept in {@code target/console/}.
 */
class ConsoleTest extends ServerTest {

  private static final Path PROJECT = Path.of("console");
  private static final Path SCREENSHOTS = Path.of("target", "console");
  private static final long OTHER_USER = 5002;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final long UPLOAD_LIMIT = 64L << 20;

  @TempDir Path dir;

  ConsoleTest() {
    super(RunningServer.withUploadLimit(UPLOAD_LIMIT));
  }

  @Test
  void signsInUploadsShowsRenamesSharesDeletesAndShowsARefusal() throws Exception {
    Path image = Files.write(dir.resolve("picture.png"), TestMedia.png(64, 48));
    Path video = Files.write(dir.resolve("clip.mp4"), TestMedia.fixture("plain.mp4"));
    Path audio = Files.write(dir.resolve("tone.wav"), TestMedia.wav(2));
    Path refused = Files.write(dir.resolve("notes.pdf"), TestMedia.pdf());
    byte[] recording = TestMedia.wav(1300);
    Path longRecording = Files.write(dir.resolve("long.wav"), recording);
    Path tooLarge = dir.resolve("huge.wav");
    try (RandomAccessFile file = new RandomAccessFile(tooLarge.toFile(), "rw")) {
      file.setLength(UPLOAD_LIMIT + 1);
    }
    Files.createDirectories(SCREENSHOTS);
    Map<String, String> environment =
        Map.ofEntries(
            Map.entry("ASSETS_BASE_URL", base(server)),
            Map.entry("ASSETS_API_KEY", key),
            Map.entry("ASSETS_OTHER_API_KEY", server.createKey(1001, OTHER_USER, "bob")),
            Map.entry("ASSETS_OTHER_USER_ID", String.valueOf(OTHER_USER)),
            Map.entry("ASSETS_IMAGE_FILE", image.toString()),
            Map.entry("ASSETS_VIDEO_FILE", video.toString()),
            Map.entry("ASSETS_AUDIO_FILE", audio.toString()),
            Map.entry("ASSETS_REFUSED_FILE", refused.toString()),
            Map.entry("ASSETS_TOO_LARGE_FILE", tooLarge.toString()),
            Map.entry("ASSETS_LONG_FILE", longRecording.toString()),
            Map.entry("SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()),
            Map.entry("CHROMIUM", chromium()));

    String output = project().npm(environment, "test");

    assertThat(output).contains("# pass 6").contains("# fail 0");
    JsonNode left = TestServer.json(server.get("/v1/assets", key)).at("/data/records");
    assertThat(left)
        .extracting(asset -> asset.get("name").asText())
        .containsExactlyInAnyOrder("clip.mp4", "tone.wav", "long.wav");
    JsonNode paused =
        TestServer.json(server.get("/v1/assets?keyword=long.wav", key)).at("/data/records/0");
    byte[] stored = server.fetch(URI.create(paused.get("url").asText())).body();
    assertThat(TestMedia.sha256(stored)).isEqualTo(TestMedia.sha256(recording));
    assertThat(server.spooledUploads()).isEmpty();
    for (String shot : new String[] {"library-desktop", "detail-desktop", "library-360"}) {
      assertThat(Files.readAllBytes(SCREENSHOTS.resolve("console-" + shot + ".png")))
          .startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void anUploadCutOffByARestartOfTheServerResumesFromWhatItHeld() throws Exception {
    byte[] recording = TestMedia.wav(1300);
    Path file = Files.write(dir.resolve("recording.wav"), recording);
    Path signal = dir.resolve("cut-off");
    Map<String, String> environment =
        Map.of(
            "ASSETS_BASE_URL", base(server),
            "ASSETS_API_KEY", key,
            "ASSETS_UPLOAD_FILE", file.toString(),
            "RESUME_SIGNAL_FILE", signal.toString(),
            "CHROMIUM", chromium());
    NodeProject project = project();

    CompletableFuture<String> browser =
        CompletableFuture.supplyAsync(() -> run(project, environment));
    assertThat(server.library().resumableUploads().appendsAnswered().await(1, PATIENCE)).isTrue();
    int port = server.port();
    TestServer restarted =
        app.restart(Map.of("ASSETS_PORT", String.valueOf(port)), () -> awaitFile(signal, browser));
    String output = browser.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);

    assertThat(output).contains("# pass 1").contains("# fail 0");
    double resent = restarted.metric("assets_resumable_appended_bytes_total");
    assertThat(resent)
        .as("bytes the restarted server received")
        .isPositive()
        .isLessThan(recording.length);
    JsonNode asset = TestServer.json(restarted.get("/v1/assets", key)).at("/data/records/0");
    assertThat(asset.get("sizeBytes").asLong()).isEqualTo(recording.length);
    byte[] stored = restarted.fetch(URI.create(asset.get("url").asText())).body();
    assertThat(TestMedia.sha256(stored)).isEqualTo(TestMedia.sha256(recording));
  }

  private NodeProject project() throws IOException, InterruptedException {
    NodeProject project = new NodeProject(PROJECT, dir);
    project.npm(Map.of(), "ci", "--no-audit", "--no-fund");
    return project;
  }

  private static String run(NodeProject project, Map<String, String> environment) {
    try {
      return project.npm(environment, "run", "test:resume");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }

  /** Waits while the server is stopped until the browser has sent a request into the void. */
  private static void awaitFile(Path signal, CompletableFuture<String> browser) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!Files.exists(signal)) {
      assertThat(browser).as("the browser's test, still running").isNotDone();
      assertThat(Instant.now()).as("the signal of a request cut off").isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String base(TestServer server) {
    return server.uri("").toString().replaceAll("/$", "");
  }

  private static String chromium() {
    return Executables.onPath(
        "Headless Chromium is needed to test /console: install Debian's chromium package"
            + " (.ci/run does so when it is missing).",
        "chromium",
        "chromium-browser");
  }
}
