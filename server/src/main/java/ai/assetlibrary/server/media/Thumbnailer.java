package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.vips.Vips;
import ai.assetlibrary.server.vips.VipsException;
import ai.assetlibrary.server.vips.VipsImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders upright thumbnails with libvips, the long side at most {@link #MAX_SIDE} and never
 * enlarged: PNG when the picture has transparency, JPEG otherwise, metadata stripped.
 */
final class Thumbnailer {

  /** The longest side of a thumbnail, in pixels. */
  static final int MAX_SIDE = 512;

  private static final Logger LOG = LoggerFactory.getLogger(Thumbnailer.class);
  private static final String JPEG = ".jpg[Q=85,strip]";
  private static final String PNG = ".png[strip]";

  private final Vips vips;
  private final AssetMetrics metrics;

  Thumbnailer(Vips vips, AssetMetrics metrics) {
    this.vips = vips;
    this.metrics = metrics;
  }

  /**
   * The thumbnail of the picture in {@code file}, read by libvips' {@code loader} (a JPEG shrunk by
   * {@code jpegShrink} while it is decoded); a file whose pixels cannot be decoded is refused as
   * damaged.
   */
  EncodedThumbnail renderFile(Path file, AcceptedType type, String loader, int jpegShrink)
      throws MediaRejectedException {
    long started = System.nanoTime();
    try (VipsImage decoded = vips.load(file, loader, jpegShrink);
        VipsImage thumbnail = vips.thumbnail(decoded, MAX_SIDE)) {
      return encode(thumbnail, thumbnail.hasAlpha(), started);
    } catch (VipsException e) {
      LOG.debug("Decoding a {} file failed: {}", type.extension(), e.getMessage());
      throw new MediaRejectedException(
          Reason.CORRUPT, "The " + type.extension() + " data is damaged or cut short.");
    }
  }

  /** The thumbnail of a decoded picture, or empty if it could not be rendered. */
  Optional<EncodedThumbnail> render(Picture picture) {
    long started = System.nanoTime();
    BufferedImage image = picture.image();
    boolean alpha = image.getColorModel().hasAlpha();
    try (VipsImage pixels =
            vips.fromPixels(
                samples(image, alpha), image.getWidth(), image.getHeight(), alpha ? 4 : 3);
        VipsImage small = vips.thumbnail(pixels, MAX_SIDE);
        VipsImage upright = vips.rotate(small, picture.clockwiseRotation())) {
      return Optional.of(encode(upright, alpha, started));
    } catch (VipsException e) {
      LOG.warn("Rendering a thumbnail failed: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private EncodedThumbnail encode(VipsImage image, boolean alpha, long started)
      throws VipsException {
    EncodedThumbnail thumbnail =
        alpha
            ? new EncodedThumbnail(vips.encode(image, PNG), "image/png", "png")
            : new EncodedThumbnail(vips.encode(image, JPEG), "image/jpeg", "jpg");
    metrics.thumbnail(thumbnail.extension(), System.nanoTime() - started);
    return thumbnail;
  }

  /** The pixels as 8-bit RGB or RGBA samples, row by row. */
  static byte[] samples(BufferedImage image, boolean alpha) {
    int width = image.getWidth();
    int bands = alpha ? 4 : 3;
    byte[] samples = new byte[width * image.getHeight() * bands];
    int[] row = new int[width];
    int at = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int argb : row) {
        samples[at++] = (byte) (argb >> 16);
        samples[at++] = (byte) (argb >> 8);
        samples[at++] = (byte) argb;
        if (alpha) {
          samples[at++] = (byte) (argb >>> 24);
        }
      }
    }
    return samples;
  }
}
