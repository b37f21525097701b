package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an upload's record says about its media, and the thumbnails it gets. */
class MediaUploadTest extends ServerTest {

  /** Stored 600×400 with the marker top-left; where the marker shows once turned upright. */
  @ParameterizedTest(name = "EXIF orientation {0}")
  @CsvSource({
    "1, 600, 400, top-left",
    "2, 600, 400, top-right",
    "3, 600, 400, bottom-right",
    "4, 600, 400, bottom-left",
    "5, 400, 600, top-left",
    "6, 400, 600, top-right",
    "7, 400, 600, bottom-right",
    "8, 400, 600, bottom-left"
  })
  void jpegIsMeasuredAndThumbnailedUpright(int orientation, int width, int height, String corner)
      throws IOException {
    JsonNode asset = upload("photo.jpg", TestMedia.jpegWithOrientation(600, 400, orientation));

    assertThat(asset.get("width").asInt()).isEqualTo(width);
    assertThat(asset.get("height").asInt()).isEqualTo(height);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo(width > height ? "3:2" : "2:3");
    BufferedImage thumbnail = thumbnail(asset, "image/jpeg");
    assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(512);
    assertThat(thumbnail.getWidth() > thumbnail.getHeight()).isEqualTo(width > height);
    assertMarkerAt(thumbnail, corner);
  }

  @Test
  void pngWithAlphaKeepsItsTransparencyInAPngThumbnail() throws IOException {
    JsonNode asset = upload("logo.png", TestMedia.transparentPng(1024, 1024));

    assertThat(asset.get("width").asInt()).isEqualTo(1024);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo("1:1");
    BufferedImage thumbnail = thumbnail(asset, "image/png");
    assertThat(thumbnail.getWidth()).isEqualTo(512);
    assertThat(thumbnail.getColorModel().hasAlpha()).isTrue();
    assertThat(thumbnail.getRGB(500, 500) >>> 24).as("transparent corner").isZero();
    assertMarkerAt(thumbnail, "top-left");
  }

  @Test
  void smallPictureIsNeverEnlarged() throws IOException {
    JsonNode asset = upload("tiny.png", TestMedia.png(40, 30));

    BufferedImage thumbnail = thumbnail(asset, "image/png");
    assertThat(thumbnail.getWidth()).isEqualTo(40);
    assertThat(thumbnail.getHeight()).isEqualTo(30);
  }

  @Test
  void animatedGifUsesItsFirstFrame() throws IOException {
    JsonNode asset = upload("anim.gif", TestMedia.fixture("animated.gif"));

    assertThat(asset.get("width").asInt()).isEqualTo(60);
    assertThat(asset.get("height").asInt()).isEqualTo(40);
    BufferedImage thumbnail = thumbnail(asset, "image/jpeg");
    assertThat(isMarker(thumbnail.getRGB(30, 20))).as("first frame is red").isTrue();
  }

  @Test
  void webpIsMeasuredAndThumbnailed() throws IOException {
    JsonNode asset = upload("photo.webp", TestMedia.fixture("photo.webp"));

    assertThat(asset.get("mimeType").asText()).isEqualTo("image/webp");
    assertThat(asset.get("width").asInt()).isEqualTo(300);
    assertThat(asset.get("height").asInt()).isEqualTo(200);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo("3:2");
    assertMarkerAt(thumbnail(asset, "image/jpeg"), "top-left");
  }

  @Test
  void heicIsMeasuredAndThumbnailed() throws IOException {
    JsonNode asset = upload("photo.heic", TestMedia.fixture("photo.heic"));

    assertThat(asset.get("mimeType").asText()).isEqualTo("image/heic");
    assertThat(asset.get("fileType").asText()).isEqualTo("heic");
    assertThat(asset.get("width").asInt()).isEqualTo(300);
    assertThat(asset.get("height").asInt()).isEqualTo(200);
    assertMarkerAt(thumbnail(asset, "image/jpeg"), "top-left");
  }

  @Test
  void bmpAndTiffAreMeasuredAndThumbnailed() throws IOException {
    JsonNode bmp = upload("a.bmp", TestMedia.bmp(320, 180));
    JsonNode tiff = upload("a.tif", TestMedia.tiff(200, 200));

    assertThat(bmp.get("mimeType").asText()).isEqualTo("image/bmp");
    assertThat(bmp.get("aspectRatio").asText()).isEqualTo("16:9");
    assertMarkerAt(thumbnail(bmp, "image/jpeg"), "top-left");
    assertThat(tiff.get("mimeType").asText()).isEqualTo("image/tiff");
    assertThat(tiff.get("width").asInt()).isEqualTo(200);
    assertMarkerAt(thumbnail(tiff, "image/jpeg"), "top-left");
  }

  @Test
  void mp4IsMeasuredFromTheContainerWithAPosterFrame() throws IOException {
    JsonNode asset = upload("clip.mp4", TestMedia.fixture("plain.mp4"));

    assertThat(asset.get("mediaType").asText()).isEqualTo("video/mp4");
    assertThat(asset.get("mimeType").asText()).isEqualTo("video/mp4");
    assertThat(asset.get("fileType").asText()).isEqualTo("mp4");
    assertThat(asset.get("assetType").asText()).isEqualTo("Video");
    assertThat(asset.get("width").asInt()).isEqualTo(640);
    assertThat(asset.get("height").asInt()).isEqualTo(360);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo("16:9");
    assertThat(asset.get("durationSeconds").asDouble()).isCloseTo(3.003, within(0.05));
    assertThat(asset.get("frameRate").asDouble()).isCloseTo(29.97, within(0.001));
    BufferedImage poster = thumbnail(asset, "image/jpeg");
    assertThat(poster.getWidth()).isEqualTo(512);
    assertThat(poster.getHeight()).isEqualTo(288);
    assertMarkerAt(poster, "top-left");
  }

  @Test
  void rotatedPhoneVideoReportsDisplayedSizeAndAnUprightPoster() throws IOException {
    JsonNode asset = upload("portrait.mp4", TestMedia.fixture("rotated-90.mp4"));

    assertThat(asset.get("width").asInt()).isEqualTo(360);
    assertThat(asset.get("height").asInt()).isEqualTo(640);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo("9:16");
    BufferedImage poster = thumbnail(asset, "image/jpeg");
    assertThat(poster.getWidth()).isEqualTo(288);
    assertThat(poster.getHeight()).isEqualTo(512);
    assertMarkerAt(poster, "top-right");
  }

  @Test
  void movAndWebmAreMeasured() throws IOException {
    JsonNode mov = upload("clip.mov", TestMedia.fixture("clip.mov"));
    JsonNode webm = upload("clip.webm", TestMedia.fixture("clip.webm"));

    assertThat(mov.get("mimeType").asText()).isEqualTo("video/quicktime");
    assertThat(mov.get("aspectRatio").asText()).isEqualTo("4:3");
    assertThat(mov.get("durationSeconds").asDouble()).isCloseTo(1.0, within(0.05));
    assertThat(mov.get("frameRate").asDouble()).isEqualTo(25.0);
    thumbnail(mov, "image/jpeg");
    assertThat(webm.get("mimeType").asText()).isEqualTo("video/webm");
    assertThat(webm.get("width").asInt()).isEqualTo(320);
    assertThat(webm.get("frameRate").asDouble()).isEqualTo(24.0);
    assertThat(webm.get("durationSeconds").asDouble()).isCloseTo(1.0, within(0.05));
    thumbnail(webm, "image/jpeg");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "tone.mp3, audio/mpeg, mp3, 2.04",
    "tone.m4a, audio/mp4, m4a, 2.0",
    "tone.ogg, audio/ogg, ogg, 2.0"
  })
  void audioHasADurationAndNothingVisual(
      String fixture, String mimeType, String fileType, double seconds) {
    JsonNode asset = upload(fixture, TestMedia.fixture(fixture));

    assertAudio(asset, mimeType, fileType, seconds);
  }

  @Test
  void wavHasADuration() {
    JsonNode asset = upload("tone.wav", TestMedia.wav(1.5));

    assertAudio(asset, "audio/wav", "wav", 1.5);
  }

  @Test
  void fileThatCannotBeMeasuredInTimeIsStoredWithoutTheFields() {
    server = app.restart(Map.of("ASSETS_MEDIA_PROBE_TIMEOUT_MILLIS", "1"));

    JsonNode asset = upload("big.png", TestMedia.png(3000, 3000));

    assertThat(asset.get("status").asText()).isEqualTo("active");
    assertThat(asset.has("width")).isFalse();
    assertThat(asset.has("thumbnailUrl")).isFalse();
    assertThat(server.fetch(URI.create(asset.get("url").asText())).statusCode()).isEqualTo(200);
  }

  private void assertAudio(JsonNode asset, String mimeType, String fileType, double seconds) {
    assertThat(asset.get("mediaType").asText()).isEqualTo(mimeType);
    assertThat(asset.get("mimeType").asText()).isEqualTo(mimeType);
    assertThat(asset.get("fileType").asText()).isEqualTo(fileType);
    assertThat(asset.get("durationSeconds").asDouble()).isCloseTo(seconds, within(0.05));
    assertThat(asset.has("width")).isFalse();
    assertThat(asset.has("frameRate")).isFalse();
    assertThat(asset.has("thumbnailUrl")).isFalse();
  }

  private JsonNode upload(String filename, byte[] content) {
    HttpResponse<String> response =
        server.upload(
            key, Multipart.form().file("file", filename, "application/octet-stream", content));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  private BufferedImage thumbnail(JsonNode asset, String mimeType) throws IOException {
    assertThat(asset.has("thumbnailUrl")).as("thumbnailUrl in " + asset).isTrue();
    HttpResponse<byte[]> response = server.fetch(URI.create(asset.get("thumbnailUrl").asText()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(mimeType);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(image).isNotNull();
    assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(512);
    return image;
  }

  /** The marker fills the quarter-by-quarter block in {@code corner}; the opposite one is not. */
  private static void assertMarkerAt(BufferedImage image, String corner) {
    int w = image.getWidth();
    int h = image.getHeight();
    int left = w / 10;
    int right = w - 1 - w / 10;
    int top = h / 10;
    int bottom = h - 1 - h / 10;
    int x = corner.endsWith("left") ? left : right;
    int y = corner.startsWith("top") ? top : bottom;
    int oppositeX = x == left ? right : left;
    int oppositeY = y == top ? bottom : top;
    assertThat(isMarker(image.getRGB(x, y))).as("marker at " + corner).isTrue();
    assertThat(isMarker(image.getRGB(oppositeX, oppositeY))).as("no marker opposite").isFalse();
  }

  private static boolean isMarker(int argb) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    return r > 170 && g < 90 && b < 90;
  }
}
