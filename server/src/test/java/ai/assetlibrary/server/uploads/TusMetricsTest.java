package ai.assetlibrary.server.uploads;

import static ai.assetlibrary.server.uploads.TusClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} counts resumable uploads by what became of them, and the bytes their appends
 * kept.
 */
class TusMetricsTest extends ServerTest {

  @Test
  void metricsCountResumableUploadsByOutcomeAndTheBytesTheyKept() {
    String before = metrics();
    TusClient tus = new TusClient(server, key);
    byte[] png = TestMedia.png(64, 48);
    URI finished = location(tus.create(png.length, null));
    assertThat(tus.patch(finished, 0, Arrays.copyOf(png, 40)).statusCode()).isEqualTo(204);
    assertThat(tus.patch(finished, 40, Arrays.copyOfRange(png, 40, png.length)).statusCode())
        .isEqualTo(204);
    URI terminated = location(tus.create(png.length, null));
    assertThat(tus.patch(terminated, 0, Arrays.copyOf(png, 40)).statusCode()).isEqualTo(204);
    assertThat(tus.delete(terminated).statusCode()).isEqualTo(204);
    byte[] pdf = TestMedia.pdf();
    URI refused = location(tus.create(pdf.length, null));
    assertThat(tus.patch(refused, 0, pdf).statusCode()).isEqualTo(415);

    String after = metrics();
    assertThat(delta(before, after, "assets_resumable_uploads_total{outcome=\"created\"}"))
        .isEqualTo(3);
    assertThat(delta(before, after, "assets_resumable_uploads_total{outcome=\"finished\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "assets_resumable_uploads_total{outcome=\"terminated\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "assets_resumable_uploads_total{outcome=\"refused\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "assets_resumable_appended_bytes_total"))
        .isEqualTo(png.length + 40);
  }

  private String metrics() {
    return server.get("/metrics", null).body();
  }

  /** How much the series {@code series} grew between two scrapes (absent counts as 0). */
  private static long delta(String before, String after, String series) {
    return Math.round(value(after, series) - value(before, series));
  }

  private static double value(String scrape, String series) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }
}
