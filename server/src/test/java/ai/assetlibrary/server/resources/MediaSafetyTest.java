package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ResourceCounts;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyAcceptedType")
  void aFileOfEveryAcceptedTypeCutShortIsRefusedAsCorruptOrStoredAsFarAsItReads(
      String filename, byte[] whole) {
    HttpResponse<String> response =
        server.upload(
            key,
            Multipart.form()
                .file(
                    "file", filename, "application/octet-stream", TestMedia.truncated(whole, 0.5)));

    assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
    if (response.statusCode() == 422) {
      assertThat(TestServer.json(response).get("serviceCode").asText())
          .isEqualTo("ASSET_FILE_CORRUPT");
      assertThat(server.storedBlobs()).isEmpty();
    }
    assertThat(server.leftoverWrites()).isEmpty();
  }

  static Stream<Arguments> everyAcceptedType() {
    return Stream.of(
        Arguments.of("photo.jpg", TestMedia.jpeg(800, 600)),
        Arguments.of("image.png", TestMedia.png(800, 600)),
        Arguments.of("animated.gif", TestMedia.fixture("animated.gif")),
        Arguments.of("photo.webp", TestMedia.fixture("photo.webp")),
        Arguments.of("image.bmp", TestMedia.bmp(400, 300)),
        Arguments.of("image.tiff", TestMedia.tiff(400, 300)),
        Arguments.of("photo.heic", TestMedia.fixture("photo.heic")),
        Arguments.of("plain.mp4", TestMedia.fixture("plain.mp4")),
        Arguments.of("clip.mov", TestMedia.fixture("clip.mov")),
        Arguments.of("clip.webm", TestMedia.fixture("clip.webm")),
        Arguments.of("tone.mp3", TestMedia.fixture("tone.mp3")),
        Arguments.of("tone.m4a", TestMedia.fixture("tone.m4a")),
        Arguments.of("tone.ogg", TestMedia.fixture("tone.ogg")),
        Arguments.of("tone.wav", TestMedia.wav(2)));
  }

  @Test
  void aGifThatIsAlsoJavaScriptIsOnlyEverServedAsAPicture() {
    // 10799 px wide: the width's bytes read "/*", so the file parses as a script too.
    byte[] gif = TestMedia.gif(10_799, 4);
    byte[] polyglot = java.util.Arrays.copyOf(gif, gif.length + 13);
    System.arraycopy(
        "*/=alert(1);".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        0,
        polyglot,
        gif.length,
        12);
    assertThat(new String(polyglot, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("GIF89a/*");

    HttpResponse<String> response =
        server.upload(key, Multipart.form().file("file", "x.js", "text/javascript", polyglot));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode asset = TestServer.json(response).get("data");
    assertThat(asset.get("mimeType").asText()).isEqualTo("image/gif");
    HttpResponse<byte[]> served = server.fetch(java.net.URI.create(asset.get("url").asText()));
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/gif");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void svgWithAScriptIsRefused() {
    byte[] svg =
        ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                + " height=\"10\"><script>alert(document.cookie)</script></svg>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    JsonNode body = refused(svg, "icon.svg", 415);

    assertThat(body.get("serviceCode").asText()).isEqualTo("ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(body.at("/data/detectedType").asText()).isEqualTo("image/svg+xml");
  }

  @Test
  void htmlDeclaredAsAnImageIsRefused() {
    byte[] html =
        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> response =
        server.upload(key, Multipart.form().file("file", "photo.png", "image/png", html));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(response).at("/data/detectedType").asText()).isEqualTo("text/html");
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void aDecompressionBombIsDecodedWithinTheHeap() {
    byte[] bomb = TestMedia.decompressionBombPng(9_000, 9_000); // 243 MB of pixels inflated
    assertThat(bomb.length).isLessThan(1_000_000);

    HttpResponse<String> response =
        server.upload(key, Multipart.form().file("file", "bomb.png", "image/png", bomb));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode asset = TestServer.json(response).get("data");
    assertThat(asset.get("width").asInt()).isEqualTo(9_000);
    assertThat(asset.has("thumbnailUrl")).isTrue();
  }

  @Test
  void aLongNarrowJpegAndItsSidewaysTwinAreStoredWithThumbnailsAndTheServerKeepsServing() {
    // Decoded at 1/8 for the thumbnail, 4 pixels would be none: libvips aborts the process then.
    for (byte[] strip :
        List.of(TestMedia.jpeg(9000, 4), TestMedia.jpegWithOrientation(9000, 4, 6))) {
      HttpResponse<String> response =
          server.upload(key, Multipart.form().file("file", "strip.jpg", "image/jpeg", strip));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode data = TestServer.json(response).get("data");
      assertThat(data.get("width").asInt() * data.get("height").asInt()).isEqualTo(36_000);
      assertThat(server.fetch(URI.create(data.get("thumbnailUrl").asText())).statusCode())
          .isEqualTo(200);
    }
    assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aJpegWithHugeExifAndIccBlocksIsStored() {
    HttpResponse<String> response =
        server.upload(
            key,
            Multipart.form()
                .file("file", "meta.jpg", "image/jpeg", TestMedia.jpegWithHugeMetadata(640, 480)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(TestServer.json(response).at("/data/width").asInt()).isEqualTo(640);
  }

  @Test
  void anMp4WithAbsurdAtomSizesIsStoredAsFarAsItReadsOrRefusedAsCorrupt() {
    byte[] mp4 = TestMedia.fixture("plain.mp4");

    for (byte[] absurd :
        new byte[][] {
          TestMedia.mp4WithAtomSize(mp4, "moov", 0x7FFF_FFF0, 0),
          TestMedia.mp4WithAtomSize(mp4, "moov", 1, Long.MAX_VALUE),
          TestMedia.mp4WithAtomSize(mp4, "mdat", 0, 0)
        }) {
      HttpResponse<String> response =
          server.upload(key, Multipart.form().file("file", "absurd.mp4", "video/mp4", absurd));
      assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
      if (response.statusCode() == 422) {
        assertThat(TestServer.json(response).get("serviceCode").asText())
            .isEqualTo("ASSET_FILE_CORRUPT");
      }
      assertThat(server.leftoverWrites()).isEmpty();
    }
    assertThat(server.storedBlobs()).hasSizeLessThanOrEqualTo(6);
  }

  @Test
  void hostileMediaLeaveNoDescriptorThreadOrTemporaryFileBehind() {
    Map<String, byte[]> hostile =
        Map.of(
            "flood.png", TestMedia.pixelFloodPng(65535, 65535),
            "cut.jpg", TestMedia.truncated(TestMedia.jpeg(800, 600), 0.6),
            "cut.mp4", TestMedia.truncated(TestMedia.fixture("plain.mp4"), 0.5),
            "absurd.mp4",
                TestMedia.mp4WithAtomSize(
                    TestMedia.fixture("plain.mp4"), "moov", 1, Long.MAX_VALUE),
            "cut.ogg", TestMedia.truncated(TestMedia.fixture("tone.ogg"), 0.5),
            "meta.jpg", TestMedia.jpegWithHugeMetadata(320, 240),
            "page.png", "<html><script>alert(1)</script></html>".getBytes());
    Runnable uploadAll =
        () ->
            hostile.forEach(
                (name, bytes) -> {
                  HttpResponse<String> response =
                      server.upload(
                          key,
                          Multipart.form().file("file", name, "application/octet-stream", bytes));
                  assertThat(response.statusCode()).as(name).isIn(200, 415, 422);
                });
    uploadAll.run();
    ResourceCounts before = ResourceCounts.of(server);

    uploadAll.run();

    ResourceCounts after = ResourceCounts.of(server);
    assertThat(after.descriptorsOpenedSince(before)).isEmpty();
    assertThat(after.threads().size())
        .as("threads started: %s", after.threadsStartedSince(before))
        .isLessThanOrEqualTo(before.threads().size());
    assertThat(after.tempFiles()).isEqualTo(before.tempFiles());
    assertThat(server.leftoverWrites()).isEmpty();
  }

  private JsonNode refused(byte[] content, String filename, int status) {
    HttpResponse<String> response =
        server.upload(
            key, Multipart.form().file("file", filename, "application/octet-stream", content));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(server.assetRows()).isZero();
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
    return TestServer.json(response);
  }
}
