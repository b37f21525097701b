package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.RenditionException.Reason;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.vips.Vips;
import ai.assetlibrary.server.vips.VipsException;
import ai.assetlibrary.server.vips.VipsImage;
import ai.assetlibrary.server.vips.VipsTransforms;
import ai.assetlibrary.server.vips.VipsTransforms.Padding;
import ai.assetlibrary.server.vips.VipsTransforms.Sizing;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders renditions with libvips: pictures read by the loader of their detected type (a JPEG
 * shrunk while it is decoded), video frames decoded by FFmpeg; sized to the box without ever
 * enlarging, converted to sRGB, turned upright, padded for {@code contain}, and encoded with every
 * metadata field stripped.
 */
final class Renderer {

  /** libvips' largest coordinate: a side of the box left free. */
  private static final int FREE_SIDE = 10_000_000;

  private final Vips vips;
  private final VipsTransforms transforms;
  private final Map<AcceptedType, String> loaders;
  private final PixelBudget budget;
  private final AssetMetrics metrics;

  Renderer(Vips vips, PixelBudget budget, AssetMetrics metrics) {
    this.vips = vips;
    this.budget = budget;
    this.transforms = vips.transforms();
    this.loaders = ImageProbe.loaders(vips);
    this.metrics = metrics;
  }

  /** A stop for one rendering, to be handed to {@link #render}. */
  RenderStop newStop() {
    return new RenderStop(transforms);
  }

  /** The rendition {@code spec} of the original in {@code file}, detected as {@code type}. */
  EncodedRendition render(Path file, AcceptedType type, RenditionSpec spec, RenderStop stop)
      throws RenditionException {
    long started = System.nanoTime();
    EncodedRendition rendition;
    try {
      String loader = loaders.get(type);
      if (loader != null) {
        rendition = renderPicture(file, type, loader, spec, stop);
      } else if (type.family() == MediaFamily.VIDEO) {
        rendition = renderFrame(VideoFrames.frame(file, spec.time(), spec), type, spec, stop);
      } else {
        throw new RenditionException(
            Reason.UNSUPPORTED,
            "The server renders no " + type.extension() + " file; fetch it without parameters.");
      }
    } catch (VipsException e) {
      if (stop.stopped()) {
        throw new RenditionException(Reason.TIMEOUT, "Rendering was stopped.");
      }
      throw new RenditionException(Reason.UNREADABLE, "The original cannot be rendered.");
    }
    metrics.rendition(rendition.format().extension(), System.nanoTime() - started);
    return rendition;
  }

  private EncodedRendition renderPicture(
      Path file, AcceptedType type, String loader, RenditionSpec spec, RenderStop stop)
      throws VipsException, RenditionException {
    int width;
    int height;
    int orientation;
    try (VipsImage header = vips.load(file, loader, 1)) {
      width = header.width();
      height = header.height();
      orientation = header.orientation();
    }
    try {
      budget.check(width, height);
    } catch (MediaRejectedException e) {
      throw new RenditionException(Reason.UNSUPPORTED, e.getMessage());
    }
    boolean sideways = orientation >= 5;
    int uprightWidth = sideways ? height : width;
    int uprightHeight = sideways ? width : height;
    RenditionSpec fitted = spec.within(uprightWidth, uprightHeight);
    double scale = fitted.scaleFor(uprightWidth, uprightHeight);
    int shrink = type == AcceptedType.JPEG ? jpegShrink(width, height, scale) : 1;
    try (VipsImage decoded = vips.load(file, loader, shrink);
        VipsImage sized = sizeToBox(decoded, fitted, sideways)) {
      if (orientation == 1) {
        return finish(sized, type, fitted, stop);
      }
      try (VipsImage held = computed(sized, stop);
          VipsImage upright = transforms.upright(held)) {
        return finish(upright, type, fitted, stop);
      }
    }
  }

  private EncodedRendition renderFrame(
      Picture picture, AcceptedType type, RenditionSpec spec, RenderStop stop)
      throws VipsException {
    BufferedImage image = picture.image();
    boolean sideways = picture.clockwiseRotation() % 180 != 0;
    int uprightWidth = sideways ? image.getHeight() : image.getWidth();
    int uprightHeight = sideways ? image.getWidth() : image.getHeight();
    RenditionSpec fitted = spec.within(uprightWidth, uprightHeight);
    try (VipsImage pixels =
            vips.fromPixels(
                Thumbnailer.samples(image, false), image.getWidth(), image.getHeight(), 3);
        VipsImage sized = sizeToBox(pixels, fitted, sideways);
        VipsImage upright = vips.rotate(sized, picture.clockwiseRotation())) {
      return finish(upright, type, fitted, stop);
    }
  }

  /** {@code image}, stored turned {@code sideways} or not, sized to the box of {@code fitted}. */
  private VipsImage sizeToBox(VipsImage image, RenditionSpec fitted, boolean sideways)
      throws VipsException {
    int boxWidth = fitted.width() > 0 ? fitted.width() : FREE_SIDE;
    int boxHeight = fitted.height() > 0 ? fitted.height() : FREE_SIDE;
    Sizing sizing =
        switch (fitted.effectiveFit()) {
          case INSIDE, CONTAIN -> Sizing.DOWN;
          case COVER -> Sizing.DOWN_CROPPED;
          case FILL -> Sizing.FORCE;
        };
    return sideways
        ? transforms.fitBox(image, boxHeight, boxWidth, sizing)
        : transforms.fitBox(image, boxWidth, boxHeight, sizing);
  }

  /** {@code upright} padded to the box for {@code contain}, then encoded. */
  private EncodedRendition finish(
      VipsImage upright, AcceptedType type, RenditionSpec fitted, RenderStop stop)
      throws VipsException {
    RenditionFormat format = fitted.format().resolve(type, upright.hasAlpha());
    boolean pad =
        fitted.effectiveFit() == Fit.CONTAIN
            && (upright.width() != fitted.width() || upright.height() != fitted.height());
    if (!pad) {
      return encode(upright, format, fitted.quality(), stop);
    }
    if (!format.keepsTransparency()) {
      try (VipsImage padded =
          transforms.padTo(upright, fitted.width(), fitted.height(), Padding.WHITE)) {
        return encode(padded, format, fitted.quality(), stop);
      }
    }
    if (upright.hasAlpha()) {
      try (VipsImage padded =
          transforms.padTo(upright, fitted.width(), fitted.height(), Padding.TRANSPARENT)) {
        return encode(padded, format, fitted.quality(), stop);
      }
    }
    try (VipsImage alpha = transforms.withAlpha(upright);
        VipsImage padded =
            transforms.padTo(alpha, fitted.width(), fitted.height(), Padding.TRANSPARENT)) {
      return encode(padded, format, fitted.quality(), stop);
    }
  }

  /** {@code image} computed into memory, stoppable meanwhile. */
  private VipsImage computed(VipsImage image, RenderStop stop) throws VipsException {
    stop.watch(image);
    try {
      return transforms.inMemory(image);
    } finally {
      stop.unwatch();
    }
  }

  private EncodedRendition encode(
      VipsImage image, RenditionFormat format, int quality, RenderStop stop) throws VipsException {
    stop.watch(image);
    try {
      return new EncodedRendition(
          vips.encode(image, format.saver(quality)), format, image.width(), image.height());
    } finally {
      stop.unwatch();
    }
  }

  /**
   * The largest factor libjpeg can shrink by while decoding (1, 2, 4 or 8) that leaves the picture
   * at least as large as {@code scale} makes it, and its shorter side at least a pixel.
   */
  private static int jpegShrink(int width, int height, double scale) {
    int neededWidth = (int) Math.ceil(width * scale);
    int neededHeight = (int) Math.ceil(height * scale);
    int shrink = 1;
    while (shrink < 8
        && width / (shrink * 2) >= neededWidth
        && height / (shrink * 2) >= neededHeight
        && Math.min(width, height) / (shrink * 2) >= 1) {
      shrink *= 2;
    }
    return shrink;
  }
}
