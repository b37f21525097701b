package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Measures the pictures libvips has no loader for (BMP) with the JDK's ImageIO, reading straight
 * from the file (no cache in the temporary directory). Dimensions come from the header before
 * anything is decoded; decoding is subsampled so that no more than about twice the thumbnail size
 * is ever held in memory.
 */
final class BitmapProbe {

  private final PixelBudget budget;
  private final Thumbnailer thumbnailer;

  BitmapProbe(PixelBudget budget, Thumbnailer thumbnailer) {
    this.budget = budget;
    this.thumbnailer = thumbnailer;
    ImageIO.setUseCache(false);
  }

  /** Empty when no ImageIO reader knows the type (the caller may try another probe). */
  Optional<MediaAnalysis> analyze(Path file, AcceptedType type)
      throws IOException, MediaRejectedException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mimeType());
    if (!readers.hasNext()) {
      return Optional.empty();
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw corrupt(type, e);
      }
      if (width <= 0 || height <= 0) {
        throw new MediaRejectedException(Reason.CORRUPT, "The image declares no size.");
      }
      budget.check(width, height);
      AtomicBoolean damaged = new AtomicBoolean();
      reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
      ImageReadParam param = reader.getDefaultReadParam();
      // Keep every step-th pixel so the long side stays at or above the thumbnail's: a fraction of
      // the memory and of the scaling work, with enough pixels left to filter down from.
      int step = Math.max(1, Math.max(width, height) / Thumbnailer.MAX_SIDE);
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage image;
      try {
        image = reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        throw corrupt(type, e);
      }
      if (damaged.get()) {
        throw new MediaRejectedException(
            Reason.CORRUPT, "The " + type.extension() + " data is damaged or cut short.");
      }
      MediaFacts facts = new MediaFacts(width, height, null, null);
      return Optional.of(new MediaAnalysis(facts, thumbnailer.render(new Picture(image, 0))));
    } finally {
      reader.dispose();
    }
  }

  private static MediaRejectedException corrupt(AcceptedType type, Exception cause) {
    return new MediaRejectedException(
        Reason.CORRUPT,
        "The file cannot be read as " + type.extension() + ": " + cause.getMessage());
  }
}
