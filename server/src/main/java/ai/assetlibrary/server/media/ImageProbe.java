package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
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
 * Measures still images with ImageIO (plus TwelveMonkeys for WebP) and reads their EXIF orientation
 * with metadata-extractor. Dimensions come from the header before anything is decoded; decoding is
 * subsampled so that no more than about twice the thumbnail size is ever held in memory.
 */
final class ImageProbe {

  /** The JDK's JPEG reader drops a broken ICC profile and decodes as sRGB, as browsers do. */
  private static final String BAD_COLOR_PROFILE = "Embedded color profile is invalid";

  private final PixelBudget budget;
  private final int thumbnailSide;

  ImageProbe(PixelBudget budget, int thumbnailSide) {
    this.budget = budget;
    this.thumbnailSide = thumbnailSide;
  }

  /** Empty when no ImageIO reader knows the type (the caller may try another probe). */
  Optional<Measurement> analyze(Path file, AcceptedType type)
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
      reader.addIIOReadWarningListener(
          (source, warning) -> {
            if (!warning.startsWith(BAD_COLOR_PROFILE)) {
              damaged.set(true);
            }
          });
      ImageReadParam param = reader.getDefaultReadParam();
      // Keep every step-th pixel so the long side stays at or above the thumbnail's: a fraction of
      // the memory and of the scaling work, with enough pixels left to filter down from.
      int step = Math.max(1, Math.max(width, height) / thumbnailSide);
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
      int orientation = exifOrientation(file);
      boolean sideways = orientation >= 5 && orientation <= 8;
      MediaFacts facts =
          new MediaFacts(sideways ? height : width, sideways ? width : height, null, null);
      return Optional.of(new Measurement(facts, Optional.of(new Picture(image, orientation, 0))));
    } finally {
      reader.dispose();
    }
  }

  /** EXIF orientation 1–8; 1 when the file carries none or it cannot be read. */
  private static int exifOrientation(Path file) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          return orientation >= 1 && orientation <= 8 ? orientation : 1;
        }
      }
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      // Orientation is optional: without readable EXIF the picture is shown as stored.
    }
    return 1;
  }

  private static MediaRejectedException corrupt(AcceptedType type, Exception cause) {
    return new MediaRejectedException(
        Reason.CORRUPT,
        "The file cannot be read as " + type.extension() + ": " + cause.getMessage());
  }
}
