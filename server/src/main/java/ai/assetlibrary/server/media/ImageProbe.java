package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import ai.assetlibrary.server.vips.Vips;
import ai.assetlibrary.server.vips.VipsException;
import ai.assetlibrary.server.vips.VipsImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures pictures with libvips: JPEG, PNG, GIF, WebP, TIFF and, where libvips was built with
 * libheif, HEIC and HEIF, each by the loader of the type it was detected as (libvips does not guess
 * again). Size and EXIF orientation come from the header and are checked against the pixel budget
 * before a pixel is decoded; the thumbnail is then decoded at the size it needs (JPEG shrinks while
 * decoding). A file libvips cannot read as its type is refused as damaged.
 */
final class ImageProbe {

  private final Vips vips;
  private final PixelBudget budget;
  private final Thumbnailer thumbnailer;

  /** The libvips loader of each type this probe reads. */
  private final Map<AcceptedType, String> loaders = new EnumMap<>(AcceptedType.class);

  ImageProbe(Vips vips, PixelBudget budget, Thumbnailer thumbnailer) {
    this.vips = vips;
    this.budget = budget;
    this.thumbnailer = thumbnailer;
    loaders.putAll(loaders(vips));
  }

  /** The libvips loader of each picture type this libvips reads. */
  static Map<AcceptedType, String> loaders(Vips vips) {
    Map<AcceptedType, String> wanted =
        Map.of(
            AcceptedType.JPEG, "jpegload",
            AcceptedType.PNG, "pngload",
            AcceptedType.GIF, "gifload",
            AcceptedType.WEBP, "webpload",
            AcceptedType.TIFF, "tiffload",
            AcceptedType.HEIC, "heifload",
            AcceptedType.HEIF, "heifload");
    Map<AcceptedType, String> available = new EnumMap<>(AcceptedType.class);
    wanted.forEach(
        (type, loader) -> {
          if (vips.canLoad(loader)) {
            available.put(type, loader);
          }
        });
    return available;
  }

  /** Whether this probe reads {@code type}. */
  boolean reads(AcceptedType type) {
    return loaders.containsKey(type);
  }

  MediaAnalysis analyze(Path file, AcceptedType type) throws MediaRejectedException {
    int width;
    int height;
    int orientation;
    String loader = loaders.get(type);
    try (VipsImage header = vips.load(file, loader, 1)) {
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
    return new MediaAnalysis(
        facts,
        Optional.of(
            thumbnailer.renderFile(
                file, type, loader, type == AcceptedType.JPEG ? jpegShrink(width, height) : 1)));
  }

  /**
   * The largest factor libjpeg can shrink by while decoding that leaves the picture at least as
   * large as the thumbnail and its shorter side at least a pixel: 1, 2, 4 or 8. (libvips 8.14 sizes
   * a shrunk JPEG by integer division, and aborts the process on an image of no height.)
   */
  private static int jpegShrink(int width, int height) {
    int shrink = 1;
    while (shrink < 8
        && Math.max(width, height) / (shrink * 2) >= Thumbnailer.MAX_SIDE
        && Math.min(width, height) / (shrink * 2) >= 1) {
      shrink *= 2;
    }
    return shrink;
  }
}
