import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedThumbnail;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.Thumbnailer;
import ai.assetlibrary.server.metrics.AssetMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The upload path's picture work on every JPEG in a directory, one file after another: measure
 * (with the subsampled decode), then render and encode the thumbnail, written next to vips's.
 *
 * <pre>java -cp server/target/asset-server.jar ThumbnailBench.java PHOTO_DIR OUT_DIR</pre>
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
    try (AssetMetrics metrics = new AssetMetrics(out);
        MediaAnalyzer analyzer =
            new MediaAnalyzer(
                100_000_000L, Duration.ofMinutes(1), new Thumbnailer(metrics), metrics)) {
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
