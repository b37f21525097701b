package ai.assetlibrary.server.renditions;

import static ai.assetlibrary.server.renditions.Renditions.decoded;
import static ai.assetlibrary.server.renditions.Renditions.fetch;
import static ai.assetlibrary.server.renditions.Renditions.header;
import static ai.assetlibrary.server.renditions.Renditions.isMarker;
import static ai.assetlibrary.server.renditions.Renditions.ok;
import static ai.assetlibrary.server.renditions.Renditions.rendition;
import static ai.assetlibrary.server.renditions.Renditions.upload;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renditions on the delivery URL: sizes by fit, formats, orientation, alpha, colour, caching. */
class RenditionTest extends ServerTest {

  @ParameterizedTest(name = "{0} → {1}×{2}")
  @CsvSource({
    "w=300, 300, 200",
    "h=100, 150, 100",
    "w=200&h=200, 200, 133",
    "w=200&h=200&fit=inside, 200, 133",
    "w=200&h=200&fit=cover, 200, 200",
    "w=200&h=200&fit=contain, 200, 200",
    "w=200&h=100&fit=fill, 200, 100",
    "w=250, 256, 171",
    "w=1200, 600, 400",
    "w=1200&h=1200&fit=cover, 400, 400",
    "w=1200&h=600&fit=fill, 600, 400",
    "w=4000&h=4000&fit=contain, 600, 600"
  })
  void everyFitGivesItsSizeSnappedToTheGridAndNeverEnlarged(String query, int width, int height) {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

    BufferedImage image = decoded(ok(fetch(server, rendition(asset, query), null), "image/jpeg"));

    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }

  @Test
  void containPadsWithWhiteInJpegAndTransparencyInPng() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

    BufferedImage jpeg =
        decoded(ok(fetch(server, rendition(asset, "w=200&h=200&fit=contain"), null), "image/jpeg"));
    BufferedImage png =
        decoded(
            ok(
                fetch(server, rendition(asset, "w=200&h=200&fit=contain&format=png"), null),
                "image/png"));

    assertThat(jpeg.getRGB(100, 5) & 0xFFFFFF).as("white band above").isGreaterThan(0xF0F0F0);
    assertThat(png.getColorModel().hasAlpha()).isTrue();
    assertThat(png.getRGB(100, 5) >>> 24).as("transparent band above").isZero();
    assertThat(png.getRGB(100, 100) >>> 24).as("opaque picture").isEqualTo(255);
  }

  @Test
  void eachFormatHasItsMagicBytesAndType() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

    byte[] jpeg = ok(fetch(server, rendition(asset, "w=100&format=jpeg"), null), "image/jpeg");
    byte[] png = ok(fetch(server, rendition(asset, "w=100&format=png"), null), "image/png");
    byte[] webp = ok(fetch(server, rendition(asset, "w=100&format=webp"), null), "image/webp");
    byte[] avif = ok(fetch(server, rendition(asset, "w=100&format=avif"), null), "image/avif");

    assertThat(Renditions.startsWith(jpeg, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
        .isTrue();
    assertThat(Renditions.startsWith(png, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isTrue();
    assertThat(Renditions.startsWith(webp, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(Renditions.startsWith(webp, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(Renditions.startsWith(avif, 4, "ftypavif".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
    assertThat(header(webp, "webpload")).isEqualTo(new Renditions.Header(100, 67, false));
    assertThat(header(avif, "heifload").width()).isEqualTo(100);
  }

  /** Stored 600×400 with the marker top-left; where it shows once upright, as for thumbnails. */
  @ParameterizedTest(name = "EXIF orientation {0}")
  @CsvSource({
    "1, 300, 200, top-left",
    "3, 300, 200, bottom-right",
    "6, 200, 300, top-right",
    "8, 200, 300, bottom-left"
  })
  void renditionsAreUprightAndCarryNoExif(int orientation, int width, int height, String corner) {
    JsonNode asset =
        upload(server, key, "photo.jpg", TestMedia.jpegWithOrientation(600, 400, orientation));

    byte[] bytes =
        ok(fetch(server, rendition(asset, "w=300&h=300&format=jpeg"), null), "image/jpeg");
    BufferedImage image = decoded(bytes);

    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    int x = corner.endsWith("left") ? width / 10 : width - 1 - width / 10;
    int y = corner.startsWith("top") ? height / 10 : height - 1 - height / 10;
    assertThat(isMarker(image.getRGB(x, y))).as("marker at " + corner).isTrue();
    assertThat(isMarker(image.getRGB(width - 1 - x, height - 1 - y))).isFalse();
    assertThat(Renditions.hasApp1(bytes)).as("no EXIF").isFalse();
  }

  @Test
  void transparencyIsKeptWhereTheFormatHasItAndFlattenedOntoWhiteInJpeg() {
    JsonNode asset = upload(server, key, "logo.png", TestMedia.transparentPng(400, 400));

    BufferedImage png = decoded(ok(fetch(server, rendition(asset, "w=200"), null), "image/png"));
    byte[] webp = ok(fetch(server, rendition(asset, "w=200&format=webp"), null), "image/webp");
    BufferedImage jpeg =
        decoded(ok(fetch(server, rendition(asset, "w=200&format=jpeg"), null), "image/jpeg"));

    assertThat(png.getColorModel().hasAlpha()).isTrue();
    assertThat(png.getRGB(195, 195) >>> 24).as("transparent corner").isZero();
    assertThat(header(webp, "webpload").alpha()).isTrue();
    assertThat(jpeg.getRGB(195, 195) & 0xFFFFFF)
        .as("white where transparent")
        .isGreaterThan(0xF0F0F0);
  }

  @Test
  void anEmbeddedColourProfileIsConvertedToSrgbAndNotKept() {
    JsonNode asset = upload(server, key, "linear.jpg", ColourProfiles.greyJpegInLinearRgb(64, 64));

    byte[] bytes = ok(fetch(server, rendition(asset, "w=32&format=jpeg"), null), "image/jpeg");
    int grey = decoded(bytes).getRGB(16, 16) & 0xFF;

    // 128 in linear RGB is about 188 in sRGB; read as sRGB without conversion it would stay 128.
    assertThat(grey).isBetween(180, 196);
    assertThat(ColourProfiles.hasIccProfile(bytes)).isFalse();
  }

  @Test
  void formatAutoFollowsAcceptAndSaysItVaries() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI auto = rendition(asset, "w=100&format=auto");

    HttpResponse<byte[]> avif = fetch(server, auto, "image/avif,image/webp,image/*,*/*;q=0.8");
    HttpResponse<byte[]> webp = fetch(server, auto, "image/webp,*/*");
    HttpResponse<byte[]> refused = fetch(server, auto, "image/avif;q=0, image/webp");
    HttpResponse<byte[]> plain = fetch(server, auto, "*/*");
    HttpResponse<byte[]> fixed = fetch(server, rendition(asset, "w=100"), "image/avif");

    ok(avif, "image/avif");
    ok(webp, "image/webp");
    ok(refused, "image/webp");
    ok(plain, "image/jpeg");
    ok(fixed, "image/jpeg");
    for (HttpResponse<byte[]> negotiated : java.util.List.of(avif, webp, refused, plain)) {
      assertThat(negotiated.headers().firstValue("Vary")).hasValue("Accept");
    }
    assertThat(fixed.headers().firstValue("Vary")).isEmpty();
  }

  @Test
  void aRenditionHasItsOwnTagRangesAnd304() throws Exception {
    byte[] original = TestMedia.jpeg(600, 400);
    JsonNode asset = upload(server, key, "photo.jpg", original);
    URI uri = rendition(asset, "w=200&format=webp");
    HttpResponse<byte[]> first = fetch(server, uri, null);
    byte[] bytes = ok(first, "image/webp");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again = fetch(server, uri, null);
    HttpResponse<byte[]> notModified =
        server
            .client()
            .send(
                HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> range =
        server
            .client()
            .send(
                HttpRequest.newBuilder(uri).header("Range", "bytes=0-11").build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(etag).isEqualTo('"' + TestMedia.sha256(bytes) + '"');
    assertThat(etag).isNotEqualTo('"' + TestMedia.sha256(original) + '"');
    assertThat(again.body()).isEqualTo(bytes);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOf(bytes, 12));
    assertThat(first.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("photo.webp");
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"rendered\"}")).isEqualTo(1);
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"hit\"}")).isEqualTo(3);
    assertThat(server.metric("assets_rendition_render_seconds_count{format=\"webp\"}"))
        .isEqualTo(1);
  }

  @Test
  void requestsForTheSameOutputShareOneRendition() {
    JsonNode photo = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    JsonNode video = upload(server, key, "clip.mp4", TestMedia.fixture("plain.mp4"));
    java.util.List<URI> asked =
        java.util.List.of(
            rendition(photo, "w=200"),
            rendition(photo, "w=200&fit=cover"),
            rendition(photo, "w=200&format=jpeg"),
            rendition(photo, "w=190"),
            rendition(photo, "w=200&format=png"),
            rendition(photo, "w=200&format=png&q=40"),
            rendition(video, "w=160&t=50"),
            rendition(video, "w=160&t=3600"));

    for (URI uri : asked) {
      assertThat(fetch(server, uri, null).statusCode()).as(uri.getQuery()).isEqualTo(200);
    }

    assertThat(server.metric("assets_rendition_requests_total{outcome=\"rendered\"}"))
        .as("a JPEG, a PNG and a video frame")
        .isEqualTo(3);
  }

  @Test
  void aVideoRendersItsFrameAtTheTimeAskedUpright() {
    JsonNode plain = upload(server, key, "clip.mp4", TestMedia.fixture("plain.mp4"));
    JsonNode rotated = upload(server, key, "turned.mp4", TestMedia.fixture("rotated-90.mp4"));

    BufferedImage first = decoded(ok(fetch(server, rendition(plain, "w=160"), null), "image/jpeg"));
    BufferedImage later =
        decoded(ok(fetch(server, rendition(plain, "w=160&t=1.05&format=png"), null), "image/png"));
    BufferedImage upright =
        decoded(ok(fetch(server, rendition(rotated, "w=96"), null), "image/jpeg"));
    HttpResponse<byte[]> pastTheEnd = fetch(server, rendition(plain, "w=160&t=3600"), null);

    assertThat(first.getWidth()).isEqualTo(160);
    assertThat(first.getHeight()).isEqualTo(90);
    assertThat(isMarker(first.getRGB(5, 5))).as("red square top-left").isTrue();
    assertThat(later.getWidth()).isEqualTo(160);
    assertThat(upright.getWidth()).isEqualTo(96);
    assertThat(upright.getHeight()).isEqualTo(171);
    assertThat(isMarker(upright.getRGB(90, 5))).as("red square top-right").isTrue();
    assertThat(decoded(ok(pastTheEnd, "image/jpeg")).getWidth()).isEqualTo(160);
  }
}
