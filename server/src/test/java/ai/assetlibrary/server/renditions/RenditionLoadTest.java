package ai.assetlibrary.server.renditions;

import static ai.assetlibrary.server.renditions.Renditions.fetch;
import static ai.assetlibrary.server.renditions.Renditions.ok;
import static ai.assetlibrary.server.renditions.Renditions.rendition;
import static ai.assetlibrary.server.renditions.Renditions.upload;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Renditions under load, on a server with no queue beyond its media workers and a one-second limit:
 * work past the limit is stopped, work past the workers refused, and the server goes on.
 */
class RenditionLoadTest extends ServerTest {

  RenditionLoadTest() {
    super(
        new RunningServer(
            Map.of("ASSETS_RENDITION_QUEUE", "0", "ASSETS_RENDITION_TIMEOUT_SECONDS", "1")));
  }

  @Test
  void renderingPastTheLimitIsStoppedAndPastTheWorkersRefused() {
    // Noise at full size in AVIF: far more than a second of encoding for each of these.
    JsonNode noise = upload(server, key, "noise.png", TestMedia.noisePng(1600, 1200, 7));
    JsonNode small = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    int workers = Runtime.getRuntime().availableProcessors();

    List<HttpResponse<byte[]>> answers =
        IntStream.range(0, workers + 2)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            fetch(
                                server,
                                rendition(noise, "w=1600&format=avif&q=" + (100 - 5 * i)),
                                null)))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    List<String> codes = answers.stream().map(RenditionLoadTest::serviceCode).toList();
    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(503));
    assertThat(codes).contains("RENDITION_TIMEOUT", "RENDITION_BUSY");
    HttpResponse<byte[]> busy = answers.get(codes.indexOf("RENDITION_BUSY"));
    assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(server.storedBlobs()).as("the originals and their thumbnails").hasSize(4);
    assertThat(fetch(server, java.net.URI.create(small.get("url").asText()), null).statusCode())
        .isEqualTo(200);
    // The stopped renderings give their places back as libvips abandons them: the next rendition
    // is refused as busy until then, and rendered after.
    HttpResponse<byte[]> next = fetch(server, rendition(small, "w=100"), null);
    for (int attempt = 0; attempt < 20_000 && next.statusCode() == 503; attempt++) {
      assertThat(serviceCode(next)).isEqualTo("RENDITION_BUSY");
      next = fetch(server, rendition(small, "w=100"), null);
    }
    ok(next, "image/jpeg");
  }

  private static String serviceCode(HttpResponse<byte[]> response) {
    return TestServer.json(new String(response.body(), StandardCharsets.UTF_8))
        .get("serviceCode")
        .asText();
  }
}
