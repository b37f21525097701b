package ai.assetlibrary.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaFamily;
import ai.assetlibrary.server.media.MediaRejectedException;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.media.RenditionLimits;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.vips.Vips;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes media probing as an upload reaches it: the bytes' type is detected, and pictures of an
 * accepted type are measured and thumbnailed. Whatever the bytes, that ends in an analysis or a
 * {@link MediaRejectedException}, never another exception. (Video, audio and HEIF go to FFmpeg's
 * native code, which the fuzzer cannot instrument; the hostile-media tests cover them.) The build
 * fuzzes it for 20 s in a JVM of its own, starting from the seeds in {@code
 * MediaProbeFuzzTestInputs/}; for an hour: {@code JAZZER_FUZZ=1 mvn -pl server surefire:test
 * -Dtest='MediaProbeFuzzTest#forAnHour'}.
 */
class MediaProbeFuzzTest {

  private static final long MAX_PIXELS = 4_000_000;

  private static Path scratch;
  private static AssetMetrics metrics;
  private static MediaAnalyzer analyzer;
  private static final MediaTypeDetector DETECTOR = new MediaTypeDetector();

  @BeforeAll
  static void createAnalyzer() throws IOException {
    scratch = Files.createTempDirectory("fuzz-media");
    metrics = new AssetMetrics();
    analyzer =
        new MediaAnalyzer(
            MAX_PIXELS,
            Duration.ofSeconds(5),
            new RenditionLimits(0, Duration.ofSeconds(5)),
            Vips::library,
            metrics);
  }

  @AfterAll
  static void closeAnalyzer() {
    analyzer.close();
    metrics.close();
  }

  @FuzzTest(maxDuration = "20s")
  void briefly(byte[] bytes) throws IOException {
    probeOnce(bytes);
  }

  @FuzzTest(maxDuration = "1h")
  void forAnHour(byte[] bytes) throws IOException {
    probeOnce(bytes);
  }

  private static void probeOnce(byte[] bytes) throws IOException {
    Optional<AcceptedType> type =
        AcceptedType.of(
            DETECTOR.detect(bytes, Math.min(bytes.length, MediaTypeDetector.HEAD_BYTES)));
    if (type.isEmpty()
        || type.get().family() != MediaFamily.IMAGE
        || type.get() == AcceptedType.HEIC
        || type.get() == AcceptedType.HEIF) {
      return;
    }
    Path file = Files.createTempFile(scratch, "probe", "." + type.get().extension());
    try {
      Files.write(file, bytes);
      MediaAnalysis analysis = analyzer.analyze(file, type.get());
      analysis.thumbnail().ifPresent(t -> assertThat(t.bytes()).isNotEmpty());
    } catch (MediaRejectedException expected) {
      // refused with a reason the upload turns into a 422
    } finally {
      Files.delete(file);
    }
  }
}
