package ai.assetlibrary.server.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libvips operations a rendition takes beyond a thumbnail's: sizing to a box (shrinking only,
 * cropping or stretching), converting an embedded colour profile to sRGB, turning upright, padding
 * to a box, and stopping a computation in progress.
 */
public final class VipsTransforms {

  /** How {@link #fitBox} may change the picture's size, as libvips' {@code VipsSize}. */
  public enum Sizing {
    /** Shrink only, keeping the shape. */
    DOWN(2),
    /** Shrink only, keeping the shape, cropping about the centre to fill the box. */
    DOWN_CROPPED(2),
    /** Exactly the box, the shape not kept. */
    FORCE(3);

    private final int size;

    Sizing(int size) {
      this.size = size;
    }
  }

  /** What {@link #padTo} fills the new area with, as libvips' {@code VipsExtend}. */
  public enum Padding {
    /** Zero in every band: transparent, once the picture has an alpha band. */
    TRANSPARENT(0),
    WHITE(4);

    private final int extend;

    Padding(int extend) {
      this.extend = extend;
    }
  }

  private static final int TRUE = 1;
  private static final int CROP_CENTRE = 1;
  private static final int COMPASS_CENTRE = 0;

  private final Vips vips;
  private final MemorySegment height;
  private final MemorySegment size;
  private final MemorySegment crop;
  private final MemorySegment noRotate;
  private final MemorySegment exportProfile;
  private final MemorySegment srgb;
  private final MemorySegment extend;
  private final MethodHandle thumbnail;
  private final MethodHandle thumbnailToSrgb;
  private final MethodHandle autorot;
  private final MethodHandle addAlpha;
  private final MethodHandle gravity;
  private final MethodHandle setKill;
  private final MethodHandle copyMemory;

  VipsTransforms(Vips vips, VipsLibrary library) {
    this.vips = vips;
    Arena global = Arena.global();
    this.height = global.allocateFrom("height");
    this.size = global.allocateFrom("size");
    this.crop = global.allocateFrom("crop");
    this.noRotate = global.allocateFrom("no_rotate");
    this.exportProfile = global.allocateFrom("export_profile");
    this.srgb = global.allocateFrom("srgb");
    this.extend = global.allocateFrom("extend");
    this.thumbnail =
        library.variadic(
            "vips_thumbnail_image",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS),
            3);
    this.thumbnailToSrgb =
        library.variadic(
            "vips_thumbnail_image",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
            3);
    FunctionDescriptor unary = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    this.autorot = library.variadic("vips_autorot", unary, 2);
    this.addAlpha = library.variadic("vips_addalpha", unary, 2);
    this.gravity =
        library.variadic(
            "vips_gravity",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS),
            5);
    this.copyMemory =
        library.function("vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
    this.setKill =
        library.function("vips_image_set_kill", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
  }

  /**
   * {@code image} sized to the {@code width}×{@code height} box as {@code sizing} says, left as its
   * pixels are stored (not turned by its EXIF orientation), and converted from its embedded colour
   * profile to sRGB when it has one.
   */
  public VipsImage fitBox(VipsImage image, int width, int height, Sizing sizing)
      throws VipsException {
    boolean profiled = image.hasColourProfile();
    int cropping = sizing == Sizing.DOWN_CROPPED ? CROP_CENTRE : 0;
    return vips.buildingOrcPrograms(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status =
              profiled
                  ? (int)
                      thumbnailToSrgb.invokeExact(
                          image.handle(),
                          out,
                          width,
                          this.height,
                          height,
                          size,
                          sizing.size,
                          crop,
                          cropping,
                          noRotate,
                          TRUE,
                          exportProfile,
                          srgb,
                          MemorySegment.NULL)
                  : (int)
                      thumbnail.invokeExact(
                          image.handle(),
                          out,
                          width,
                          this.height,
                          height,
                          size,
                          sizing.size,
                          crop,
                          cropping,
                          noRotate,
                          TRUE,
                          MemorySegment.NULL);
          return vips.result(status, out, null);
        });
  }

  /**
   * {@code image}'s pixels computed into memory, for an operation that reads them out of order (a
   * quarter turn) after a loader that reads the file once from top to bottom.
   */
  public VipsImage inMemory(VipsImage image) throws VipsException {
    return Vips.call(
        arena -> {
          MemorySegment copy = (MemorySegment) copyMemory.invokeExact(image.handle());
          if (copy.equals(MemorySegment.NULL)) {
            throw vips.failure(null);
          }
          return new VipsImage(vips, copy);
        });
  }

  /** {@code image} turned upright by its EXIF orientation, the orientation then removed. */
  public VipsImage upright(VipsImage image) throws VipsException {
    return unary(autorot, image);
  }

  /** {@code image}, which has no alpha band, with an opaque one added. */
  public VipsImage withAlpha(VipsImage image) throws VipsException {
    return unary(addAlpha, image);
  }

  /**
   * {@code image} in the centre of a {@code width}×{@code height} area filled with {@code padding}.
   */
  public VipsImage padTo(VipsImage image, int width, int height, Padding padding)
      throws VipsException {
    return Vips.call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status =
              (int)
                  gravity.invokeExact(
                      image.handle(),
                      out,
                      COMPASS_CENTRE,
                      width,
                      height,
                      extend,
                      padding.extend,
                      MemorySegment.NULL);
          return vips.result(status, out, null);
        });
  }

  /**
   * Stops every computation of {@code image}'s pixels, now and later, from any thread: the encoding
   * in progress fails.
   */
  public void stop(VipsImage image) {
    try {
      setKill.invokeExact(image.handle(), TRUE);
    } catch (Throwable e) {
      throw Vips.broken(e);
    }
  }

  private VipsImage unary(MethodHandle operation, VipsImage image) throws VipsException {
    return Vips.call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status = (int) operation.invokeExact(image.handle(), out, MemorySegment.NULL);
          return vips.result(status, out, null);
        });
  }
}
