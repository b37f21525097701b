package ai.assetlibrary.server.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.assetlibrary.server.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VipsTest {

  private final Vips vips = Vips.library();

  @TempDir Path dir;

  @Test
  void theHeaderGivesTheSizeAndTheThumbnailKeepsTheAspect() throws Exception {
    Path file = write("wide.jpg", TestMedia.jpeg(2000, 1000));

    try (VipsImage header = vips.load(file, "jpegload", 1);
        VipsImage shrunk = vips.load(file, "jpegload", 2);
        VipsImage thumbnail = vips.thumbnail(shrunk, 512)) {
      assertThat(header.width()).isEqualTo(2000);
      assertThat(shrunk.width()).as("shrunk while decoded").isEqualTo(1000);
      assertThat(header.height()).isEqualTo(1000);
      assertThat(header.orientation()).isEqualTo(1);
      BufferedImage encoded = decode(vips.encode(thumbnail, ".jpg[Q=85,strip]"));
      assertThat(encoded.getWidth()).isEqualTo(512);
      assertThat(encoded.getHeight()).isEqualTo(256);
    }
  }

  @Test
  void exifOrientationIsReadAndTheThumbnailIsUpright() throws Exception {
    Path file = write("turned.jpg", TestMedia.jpegWithOrientation(400, 200, 6));

    try (VipsImage header = vips.load(file, "jpegload", 1);
        VipsImage thumbnail = vips.thumbnail(header, 512)) {
      assertThat(header.orientation()).isEqualTo(6);
      BufferedImage encoded = decode(vips.encode(thumbnail, ".png"));
      assertThat(encoded.getWidth()).isEqualTo(200);
      assertThat(encoded.getHeight()).isEqualTo(400);
    }
  }

  @Test
  void pixelsFromMemoryAreRotatedClockwise() throws Exception {
    byte[] redLeftColumn = new byte[3 * 2 * 1];
    redLeftColumn[0] = (byte) 255; // pixel (0,0) red, pixel (1,0) black: 2×1

    try (VipsImage image = vips.fromPixels(redLeftColumn, 2, 1, 3);
        VipsImage turned = vips.rotate(image, 90)) {
      BufferedImage encoded = decode(vips.encode(turned, ".png"));
      assertThat(encoded.getWidth()).isEqualTo(1);
      assertThat(encoded.getHeight()).isEqualTo(2);
      assertThat(encoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }
  }

  @Test
  void aFileIsReadOnlyByTheLoaderOfItsDetectedType() throws IOException {
    Path png = write("really.png", TestMedia.png(10, 10));

    assertThatThrownBy(() -> vips.load(png, "jpegload", 1)).isInstanceOf(VipsException.class);
  }

  @Test
  void aDamagedFileFailsWhenDecodedAndTheMessageHoldsNoPath() throws IOException {
    Path file = write("cut.jpg", TestMedia.truncated(TestMedia.jpeg(800, 600), 0.6));

    assertThatThrownBy(
            () -> {
              try (VipsImage decoded = vips.load(file, "jpegload", 1);
                  VipsImage thumbnail = vips.thumbnail(decoded, 512)) {
                vips.encode(thumbnail, ".jpg");
              }
            })
        .isInstanceOf(VipsException.class)
        .message()
        .doesNotContain(dir.toString());
  }

  @Test
  void thumbnailsRenderedOnSeveralThreadsAtOnceComeOutWhole() throws Exception {
    // Each thumbnail makes and frees Orc programs: the lock in Vips keeps that from racing.
    Path file = write("photo.jpg", TestMedia.jpeg(1280, 720));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<int[]>> sizes = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        sizes.add(
            threads.submit(
                () -> {
                  try (VipsImage decoded = vips.load(file, "jpegload", 2);
                      VipsImage thumbnail = vips.thumbnail(decoded, 300)) {
                    BufferedImage image = decode(vips.encode(thumbnail, ".jpg[Q=85,strip]"));
                    return new int[] {image.getWidth(), image.getHeight()};
                  }
                }));
      }
      for (Future<int[]> size : sizes) {
        assertThat(size.get()).containsExactly(300, 169);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theLoadersOfAcceptedTypesArePresent() {
    assertThat(vips.canLoad("jpegload")).isTrue();
    assertThat(vips.canLoad("pngload")).isTrue();
    assertThat(vips.canLoad("ppmload")).isFalse();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static BufferedImage decode(byte[] encoded) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(encoded));
  }
}
