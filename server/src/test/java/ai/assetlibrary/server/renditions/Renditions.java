package ai.assetlibrary.server.renditions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestServer;
import ai.assetlibrary.server.vips.Vips;
import ai.assetlibrary.server.vips.VipsImage;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** What the rendition tests share: uploading, fetching a rendition, reading its pixels. */
final class Renditions {

  private Renditions() {}

  static JsonNode upload(TestServer server, String key, String filename, byte[] content) {
    HttpResponse<String> response =
        server.upload(
            key, Multipart.form().file("file", filename, "application/octet-stream", content));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).get("data");
  }

  static URI rendition(JsonNode asset, String query) {
    return URI.create(asset.get("url").asText() + "?" + query);
  }

  static HttpResponse<byte[]> fetch(TestServer server, URI uri, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      return server.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The rendition's bytes, after checking it is a 200 of {@code mimeType}. */
  static byte[] ok(HttpResponse<byte[]> response, String mimeType) {
    assertThat(response.statusCode())
        .as(() -> new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(mimeType);
    return response.body();
  }

  /** A JPEG or PNG, decoded by the JDK. */
  static BufferedImage decoded(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(image).as("decodable").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Width, height and whether it has alpha, as libvips reads the file (WebP and AVIF too). */
  record Header(int width, int height, boolean alpha) {}

  static Header header(byte[] bytes, String loader) {
    try {
      Path file = Files.createTempFile("rendition", ".bin");
      try {
        Files.write(file, bytes);
        try (VipsImage image = Vips.library().load(file, loader, 1)) {
          return new Header(image.width(), image.height(), image.hasAlpha());
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (Exception e) {
      throw new AssertionError("libvips cannot read the rendition", e);
    }
  }

  static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + prefix.length), prefix);
  }

  /** Whether the JPEG carries an APP1 segment (EXIF or XMP). */
  static boolean hasApp1(byte[] jpeg) {
    for (int at = 2; at + 4 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF; ) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xE1) {
        return true;
      }
      if (marker == 0xDA) {
        return false;
      }
      at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }
    return false;
  }

  static boolean isMarker(int argb) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    return r > 170 && g < 90 && b < 90;
  }
}
