package ai.assetlibrary.server.media;

/**
 * A rendition, normalised: the box (0 for a side left to follow the picture's shape), the fit, the
 * format, the quality (0 for the format's default), for video the frame's time, and the most pixels
 * it may have.
 */
public record RenditionSpec(
    int width,
    int height,
    Fit fit,
    RenditionFormat format,
    int quality,
    double time,
    long maxPixels) {

  /** Whether the box has both sides, so that the fit matters. */
  boolean boxed() {
    return width > 0 && height > 0;
  }

  /** The fit that applies: {@link Fit#INSIDE} unless both sides are given. */
  public Fit effectiveFit() {
    return boxed() ? fit : Fit.INSIDE;
  }

  /**
   * This rendition for a picture of {@code pictureWidth}×{@code pictureHeight} upright: a box that
   * would enlarge the picture shrinks, keeping its shape, until the picture fills it (for {@code
   * fill}, each side is capped at the picture's), an {@code inside} box that holds the whole
   * picture becomes the picture's own size, and a rendition of more than {@link #maxPixels} pixels
   * shrinks, shape kept, to that many.
   */
  public RenditionSpec within(int pictureWidth, int pictureHeight) {
    RenditionSpec fitted = unenlarged(pictureWidth, pictureHeight);
    double outWidth = fitted.outputWidth(pictureWidth, pictureHeight);
    double outHeight = fitted.outputHeight(pictureWidth, pictureHeight);
    double pixels = outWidth * outHeight;
    if (pixels <= maxPixels) {
      return fitted;
    }
    double factor = Math.sqrt(maxPixels / pixels);
    int cappedWidth = (int) Math.max(1, Math.floor(outWidth * factor));
    int cappedHeight = (int) Math.max(1, Math.floor(outHeight * factor));
    return fitted.withBox(cappedWidth, cappedHeight).unenlarged(pictureWidth, pictureHeight);
  }

  /** The scale from the picture to the rendition, for a picture of the given size. */
  double scaleFor(int pictureWidth, int pictureHeight) {
    double wide = width > 0 ? (double) width / pictureWidth : Double.POSITIVE_INFINITY;
    double high = height > 0 ? (double) height / pictureHeight : Double.POSITIVE_INFINITY;
    return switch (effectiveFit()) {
      case INSIDE, CONTAIN -> Math.min(1, Math.min(wide, high));
      case COVER, FILL -> Math.min(1, Math.max(wide, high));
    };
  }

  private RenditionSpec unenlarged(int pictureWidth, int pictureHeight) {
    double wide = width > 0 ? (double) width / pictureWidth : Double.POSITIVE_INFINITY;
    double high = height > 0 ? (double) height / pictureHeight : Double.POSITIVE_INFINITY;
    return switch (effectiveFit()) {
      case INSIDE -> Math.min(wide, high) >= 1 ? withBox(pictureWidth, pictureHeight) : this;
      case COVER -> shrunkBy(Math.max(wide, high));
      case CONTAIN -> shrunkBy(Math.min(wide, high));
      case FILL -> withBox(Math.min(width, pictureWidth), Math.min(height, pictureHeight));
    };
  }

  /** The rendition's width: the box's, or for {@code inside} the picture's scaled into the box. */
  private double outputWidth(int pictureWidth, int pictureHeight) {
    return effectiveFit() == Fit.INSIDE
        ? pictureWidth * scaleFor(pictureWidth, pictureHeight)
        : width;
  }

  private double outputHeight(int pictureWidth, int pictureHeight) {
    return effectiveFit() == Fit.INSIDE
        ? pictureHeight * scaleFor(pictureWidth, pictureHeight)
        : height;
  }

  private RenditionSpec shrunkBy(double scale) {
    if (scale <= 1) {
      return this;
    }
    return withBox(
        Math.max(1, (int) Math.floor(width / scale)),
        Math.max(1, (int) Math.floor(height / scale)));
  }

  private RenditionSpec withBox(int boxWidth, int boxHeight) {
    return new RenditionSpec(boxWidth, boxHeight, fit, format, quality, time, maxPixels);
  }
}
