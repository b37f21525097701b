package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile and damaged media is refused with a clear code and leaves nothing behind. This class runs
 * in a JVM of its own with a 128 MB heap, which the server shares (see the module's Surefire
 * settings).
 */
class MediaSafetyTest extends ServerTest {

  @Test
  void pixelFloodPngIsRefusedBeforeDecoding() {
    JsonNode body = refused(TestMedia.pixelFloodPng(65535, 65535), "flood.png", 422);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_IMAGE_TOO_LARGE");
    assertThat(body.at("/data/limitPixels").asLong()).isEqualTo(100_000_000L);
  }

  @Test
  void pixelBudgetIsConfigurable() {
    server = app.restart(Map.of("ASSETS_MAX_IMAGE_PIXELS", "10000"));

    JsonNode body = refused(TestMedia.png(101, 100), "a.png", 422);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_IMAGE_TOO_LARGE");
    assertThat(body.at("/data/limitPixels").asLong()).isEqualTo(10_000L);
  }

  @Test
  void truncatedJpegIsRefusedAsCorrupt() {
    byte[] cut = TestMedia.truncated(TestMedia.jpeg(800, 600), 0.6);

    JsonNode body = refused(cut, "photo.jpg", 422);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_FILE_CORRUPT");
  }

  @Test
  void truncatedPngIsRefusedAsCorrupt() {
    byte[] cut = TestMedia.truncated(TestMedia.png(800, 600), 0.5);

    JsonNode body = refused(cut, "image.png", 422);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_FILE_CORRUPT");
  }

  @Test
  void truncatedMp4IsRefusedAsCorrupt() {
    byte[] cut = TestMedia.truncated(TestMedia.fixture("plain.mp4"), 0.5);

    JsonNode body = refused(cut, "clip.mp4", 422);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_FILE_CORRUPT");
  }

  @Test
  void zeroFilledJpgIsRefusedAsUnsupported() {
    JsonNode body = refused(new byte[100_000], "photo.jpg", 415);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_FILE_TYPE_UNSUPPORTED");
  }

  @Test
  void serverKeepsServingAfterRefusals() {
    refused(TestMedia.pixelFloodPng(65535, 65535), "flood.png", 422);
    refused(TestMedia.truncated(TestMedia.fixture("plain.mp4"), 0.5), "clip.mp4", 422);

    HttpResponse<String> ok =
        server.upload(
            key, Multipart.form().file("file", "fine.png", "image/png", TestMedia.png(64, 64)));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  private JsonNode refused(byte[] content, String filename, int status) {
    HttpResponse<String> response =
        server.upload(
            key, Multipart.form().file("file", filename, "application/octet-stream", content));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(server.assetRows()).isZero();
    assertThat(server.storedFiles()).isEmpty();
    assertThat(server.incomingFiles()).isEmpty();
    return TestServer.json(response);
  }
}
