package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import ai.assetlibrary.server.vips.Vips;
import ai.assetlibrary.server.vips.VipsException;
import ai.assetlibrary.server.vips.VipsImage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Measures pictures with libvips: JPEG, PNG, GIF, WebP, TIFF and, where libvips was built with
 * libheif, HEIC and HEIF. Size and EXIF orientation come from the header and are checked against
 * the pixel budget before a pixel is decoded; the thumbnail is then decoded at the size it needs. A
 * file libvips cannot read as a picture is refused as damaged.
 */
final class ImageProbe {

  private final Vips vips;
  private final PixelBudget budget;
  private final Thumbnailer thumbnailer;
  private final Set<AcceptedType> types;

  ImageProbe(Vips vips, PixelBudget budget, Thumbnailer thumbnailer) {
    this.vips = vips;
    this.budget = budget;
    this.thumbnailer = thumbnailer;
    this.types =
        EnumSet.of(
            AcceptedType.JPEG,
            AcceptedType.PNG,
            AcceptedType.GIF,
            AcceptedType.WEBP,
            AcceptedType.TIFF);
    if (vips.has("heifload")) {
      types.add(AcceptedType.HEIC);
      types.add(AcceptedType.HEIF);
    }
  }

  /** Whether this probe reads {@code type}. */
  boolean reads(AcceptedType type) {
    return types.contains(type);
  }

  MediaAnalysis analyze(Path file, AcceptedType type) throws MediaRejectedException {
    int width;
    int height;
    int orientation;
    try (VipsImage header = vips.open(file)) {
      width = header.width();
      height = header.height();
      orientation = header.orientation();
    } catch (VipsException e) {
      throw new MediaRejectedException(
          Reason.CORRUPT, "The file cannot be read as " + type.extension() + ".");
    }
    if (width <= 0 || height <= 0) {
      throw new MediaRejectedException(Reason.CORRUPT, "The image declares no size.");
    }
    budget.check(width, height);
    boolean sideways = orientation >= 5;
    MediaFacts facts =
        new MediaFacts(sideways ? height : width, sideways ? width : height, null, null);
    return new MediaAnalysis(facts, Optional.of(thumbnailer.renderFile(file, type)));
  }
}
