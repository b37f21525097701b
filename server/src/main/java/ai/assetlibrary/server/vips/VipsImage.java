package ai.assetlibrary.server.vips;

import java.lang.foreign.MemorySegment;

/**
 * One libvips image (a {@code VipsImage *}), owned by whoever holds it and released by {@link
 * #close}. Pixels are computed on demand: nothing is decoded until an image made from it is
 * encoded.
 */
public final class VipsImage implements AutoCloseable {

  private final Vips vips;
  private MemorySegment handle;

  VipsImage(Vips vips, MemorySegment handle) {
    this.vips = vips;
    this.handle = handle;
  }

  public int width() {
    return vips.fields().width(handle());
  }

  public int height() {
    return vips.fields().height(handle());
  }

  /** Whether the last band is transparency. */
  public boolean hasAlpha() {
    return vips.fields().hasAlpha(handle());
  }

  /** Whether the image carries an ICC colour profile of its own. */
  public boolean hasColourProfile() {
    return vips.fields().hasField(handle(), "icc-profile-data");
  }

  /** EXIF orientation 1–8, 1 when the image carries none. */
  public int orientation() {
    int orientation = vips.fields().intField(handle(), "orientation", 1);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
  }

  MemorySegment handle() {
    if (handle == null) {
      throw new IllegalStateException("The image was released");
    }
    return handle;
  }

  @Override
  public void close() {
    if (handle != null) {
      vips.unref(handle);
      handle = null;
    }
  }
}
