package ai.assetlibrary.server.media;

import ai.assetlibrary.server.metrics.AssetMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link Picture} as an upright thumbnail whose long side is at most {@link #MAX_SIDE}:
 * PNG when the picture has transparency, JPEG otherwise. Never enlarges.
 */
public final class Thumbnailer {

  /** The longest side of a thumbnail, in pixels. */
  public static final int MAX_SIDE = 512;

  private static final Logger LOG = LoggerFactory.getLogger(Thumbnailer.class);
  private static final float JPEG_QUALITY = 0.85f;

  private final AssetMetrics metrics;

  public Thumbnailer(AssetMetrics metrics) {
    this.metrics = metrics;
  }

  /** The thumbnail, or empty if it could not be rendered (the upload goes on without one). */
  public Optional<EncodedThumbnail> render(Picture picture) {
    long started = System.nanoTime();
    BufferedImage image = picture.image();
    boolean alpha = image.getColorModel().hasAlpha();
    double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
    Thumbnails.Builder<BufferedImage> builder =
        Thumbnails.of(image).scale(scale).outputFormat(alpha ? "png" : "jpg");
    // Three-byte BGR is what the JPEG encoder takes without a per-pixel conversion.
    builder.imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
    if (!alpha) {
      builder.outputQuality(JPEG_QUALITY);
    }
    if (picture.exifOrientation() > 1) {
      builder.addFilter(
          ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(picture.exifOrientation())));
    }
    if (picture.clockwiseRotation() != 0) {
      builder.rotate(picture.clockwiseRotation());
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      builder.toOutputStream(out);
      EncodedThumbnail thumbnail =
          alpha
              ? new EncodedThumbnail(out.toByteArray(), "image/png", "png")
              : new EncodedThumbnail(out.toByteArray(), "image/jpeg", "jpg");
      metrics.thumbnail(thumbnail.extension(), System.nanoTime() - started);
      return Optional.of(thumbnail);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Rendering a thumbnail failed", e);
      return Optional.empty();
    }
  }
}
