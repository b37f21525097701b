import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedThumbnail;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.vips.Vips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The upload path's picture work on every JPEG in a directory, one file after another: measure
 * the header, then decode at the reduced size and encode the thumbnail (libvips), written next to
 * vipsthumbnail's.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp server/target/asset-server.jar ThumbnailBench.java PHOTO_DIR OUT_DIR</pre>
 *
 * Prints the wall time in seconds for all files (after one warm-up file).
 */
public final class ThumbnailBench {

  public static void main(String[] args) throws Exception {
    Path photos = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    List<Path> files;
    try (Stream<Path> list = Files.list(photos)) {
      files = list.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    try (AssetMetrics metrics = new AssetMetrics();
        MediaAnalyzer analyzer =
            new MediaAnalyzer(
                100_000_000L, Duration.ofMinutes(1), Vips::library, metrics)) {
      thumbnail(analyzer, files.get(0), out);
      long started = System.nanoTime();
      for (Path file : files) {
        thumbnail(analyzer, file, out);
      }
      System.out.printf("%.3f%n", (System.nanoTime() - started) / 1e9);
    }
    System.exit(0);
  }

  private static void thumbnail(MediaAnalyzer analyzer, Path file, Path out) throws Exception {
    MediaAnalysis analysis = analyzer.analyze(file, AcceptedType.JPEG);
    EncodedThumbnail thumbnail = analysis.thumbnail().orElseThrow();
    Files.write(out.resolve("ours_" + file.getFileName()), thumbnail.bytes());
  }
}
