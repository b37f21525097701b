package ai.assetlibrary.server.media;

/**
 * A rendition, normalised: the box (0 for a side left to follow the picture's shape), the fit, the
 * format, the quality (0 for the format's default) and, for video, the frame's time.
 */
public record RenditionSpec(
    int width, int height, Fit fit, RenditionFormat format, int quality, double time) {

  /** Whether the box has both sides, so that the fit matters. */
  boolean boxed() {
    return width > 0 && height > 0;
  }

  /** The fit that applies: {@link Fit#INSIDE} unless both sides are given. */
  Fit effectiveFit() {
    return boxed() ? fit : Fit.INSIDE;
  }

  /**
   * This rendition for a picture of {@code pictureWidth}×{@code pictureHeight} upright: a box that
   * would enlarge the picture shrinks, keeping its shape, until the picture fills it (for {@code
   * fill}, each side is capped at the picture's), and an {@code inside} box that holds the whole
   * picture becomes the picture's own size.
   */
  public RenditionSpec within(int pictureWidth, int pictureHeight) {
    double wide = width > 0 ? (double) width / pictureWidth : Double.POSITIVE_INFINITY;
    double high = height > 0 ? (double) height / pictureHeight : Double.POSITIVE_INFINITY;
    return switch (effectiveFit()) {
      case INSIDE -> {
        double scale = Math.min(wide, high);
        yield scale >= 1 ? withBox(pictureWidth, pictureHeight) : this;
      }
      case COVER -> shrunkBy(Math.max(wide, high));
      case CONTAIN -> shrunkBy(Math.min(wide, high));
      case FILL -> withBox(Math.min(width, pictureWidth), Math.min(height, pictureHeight));
    };
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

  private RenditionSpec shrunkBy(double scale) {
    if (scale <= 1) {
      return this;
    }
    return withBox(
        Math.max(1, (int) Math.floor(width / scale)),
        Math.max(1, (int) Math.floor(height / scale)));
  }

  private RenditionSpec withBox(int boxWidth, int boxHeight) {
    return new RenditionSpec(boxWidth, boxHeight, fit, format, quality, time);
  }
}
