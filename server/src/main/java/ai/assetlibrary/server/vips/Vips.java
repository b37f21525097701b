package ai.assetlibrary.server.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * libvips (8.14 or newer), bound through the foreign function API: the few operations the server
 * needs, typed, with libvips' operation cache off, one thread per operation (the callers are the
 * bounded media workers) and, of its loaders, only those of the picture types the server accepts.
 * One per process ({@link #library()}).
 */
public final class Vips {

  private static final int SIZE_DOWN = 2;
  private static final int FAIL_ON_ERROR = 2;
  private static final int BAND_FORMAT_UCHAR = 0;

  private static Vips instance;

  private final VipsLibrary library;
  private final MemorySegment height;
  private final MemorySegment size;
  private final MemorySegment failOn;
  private final MethodHandle newFromFile;
  private final MethodHandle thumbnail;
  private final MethodHandle thumbnailImage;
  private final MethodHandle rot;
  private final MethodHandle newFromMemoryCopy;
  private final MethodHandle writeToBuffer;
  private final MethodHandle imageWidth;
  private final MethodHandle imageHeight;
  private final MethodHandle imageHasAlpha;
  private final MethodHandle imageTypeOf;
  private final MethodHandle imageInt;
  private final MethodHandle typeFind;
  private final MethodHandle errorBufferCopy;
  private final MethodHandle free;
  private final MethodHandle unref;

  private Vips(VipsLibrary library) {
    this.library = library;
    Arena global = Arena.global();
    this.height = global.allocateFrom("height");
    this.size = global.allocateFrom("size");
    this.failOn = global.allocateFrom("fail_on");
    FunctionDescriptor optionsOnly = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
    this.newFromFile = library.variadic("vips_image_new_from_file", optionsOnly, 1);
    this.thumbnail =
        library.variadic(
            "vips_thumbnail",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS),
            3);
    this.thumbnailImage =
        library.variadic(
            "vips_thumbnail_image",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS),
            3);
    this.rot =
        library.variadic(
            "vips_rot", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS), 3);
    this.newFromMemoryCopy =
        library.function(
            "vips_image_new_from_memory_copy",
            FunctionDescriptor.of(
                ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    this.writeToBuffer =
        library.variadic(
            "vips_image_write_to_buffer",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
            4);
    FunctionDescriptor intOfImage = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    this.imageWidth = library.function("vips_image_get_width", intOfImage);
    this.imageHeight = library.function("vips_image_get_height", intOfImage);
    this.imageHasAlpha = library.function("vips_image_hasalpha", intOfImage);
    this.imageTypeOf =
        library.function(
            "vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
    this.imageInt =
        library.function(
            "vips_image_get_int", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    this.typeFind =
        library.function("vips_type_find", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
    this.errorBufferCopy =
        library.function("vips_error_buffer_copy", FunctionDescriptor.of(ADDRESS));
    this.free = library.function("g_free", FunctionDescriptor.ofVoid(ADDRESS));
    this.unref = library.function("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
  }

  /** The process's libvips, loaded and set up on first use; fails saying how to install it. */
  public static synchronized Vips library() {
    if (instance == null) {
      instance = new Vips(VipsLibrary.load());
    }
    return instance;
  }

  /** {@code file}'s header: its size and metadata, without decoding a pixel. */
  public VipsImage open(Path file) throws VipsException {
    return call(
        arena -> {
          MemorySegment image =
              (MemorySegment) newFromFile.invokeExact(path(arena, file), MemorySegment.NULL);
          if (image.equals(MemorySegment.NULL)) {
            throw failure(file);
          }
          return new VipsImage(this, image);
        });
  }

  /**
   * {@code file} shrunk (never enlarged) to fit {@code side}×{@code side}, shrinking while it is
   * decoded where the format allows, turned upright by its EXIF orientation. Decoding errors, which
   * surface when the result is encoded, fail the encoding.
   */
  public VipsImage thumbnail(Path file, int side) throws VipsException {
    return call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status =
              (int)
                  thumbnail.invokeExact(
                      path(arena, file),
                      out,
                      side,
                      height,
                      side,
                      size,
                      SIZE_DOWN,
                      failOn,
                      FAIL_ON_ERROR,
                      MemorySegment.NULL);
          return result(status, out, file);
        });
  }

  /** {@code image} shrunk (never enlarged) to fit {@code side}×{@code side}. */
  public VipsImage thumbnail(VipsImage image, int side) throws VipsException {
    return call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status =
              (int)
                  thumbnailImage.invokeExact(
                      image.handle(), out, side, height, side, size, SIZE_DOWN, MemorySegment.NULL);
          return result(status, out, null);
        });
  }

  /** {@code image} turned clockwise by {@code degrees}: 0, 90, 180 or 270. */
  public VipsImage rotate(VipsImage image, int degrees) throws VipsException {
    return call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status = (int) rot.invokeExact(image.handle(), out, degrees / 90, MemorySegment.NULL);
          return result(status, out, null);
        });
  }

  /** An image of 8-bit samples, {@code bands} per pixel, copied from {@code pixels}. */
  public VipsImage fromPixels(byte[] pixels, int width, int height, int bands)
      throws VipsException {
    return call(
        arena -> {
          MemorySegment data = arena.allocate(pixels.length);
          MemorySegment.copy(pixels, 0, data, JAVA_BYTE, 0, pixels.length);
          MemorySegment image =
              (MemorySegment)
                  newFromMemoryCopy.invokeExact(
                      data, (long) pixels.length, width, height, bands, BAND_FORMAT_UCHAR);
          if (image.equals(MemorySegment.NULL)) {
            throw failure(null);
          }
          return new VipsImage(this, image);
        });
  }

  /**
   * {@code image} encoded as the format of {@code suffix} with its options, e.g. {@code
   * .jpg[Q=85,strip]}; this is where its pixels are computed.
   */
  public byte[] encode(VipsImage image, String suffix) throws VipsException {
    return call(
        arena -> {
          MemorySegment buffer = arena.allocate(ADDRESS);
          MemorySegment length = arena.allocate(JAVA_LONG);
          int status =
              (int)
                  writeToBuffer.invokeExact(
                      image.handle(),
                      arena.allocateFrom(suffix),
                      buffer,
                      length,
                      MemorySegment.NULL);
          if (status != 0) {
            throw failure(null);
          }
          MemorySegment data = buffer.get(ADDRESS, 0);
          try {
            return data.reinterpret(length.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
          } finally {
            free.invokeExact(data);
          }
        });
  }

  /** Whether this libvips has the operation {@code nickname}, e.g. {@code heifload}. */
  public boolean has(String nickname) {
    try (Arena arena = Arena.ofConfined()) {
      return (long)
              typeFind.invokeExact(
                  arena.allocateFrom("VipsOperation"), arena.allocateFrom(nickname))
          != 0;
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  int width(MemorySegment image) {
    return intOf(imageWidth, image);
  }

  int height(MemorySegment image) {
    return intOf(imageHeight, image);
  }

  boolean hasAlpha(MemorySegment image) {
    return intOf(imageHasAlpha, image) != 0;
  }

  int intField(MemorySegment image, String name, int absent) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment field = arena.allocateFrom(name);
      if ((long) imageTypeOf.invokeExact(image, field) == 0) {
        return absent;
      }
      MemorySegment out = arena.allocate(JAVA_INT);
      return (int) imageInt.invokeExact(image, field, out) == 0 ? out.get(JAVA_INT, 0) : absent;
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  void unref(MemorySegment object) {
    try {
      unref.invokeExact(object);
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  private VipsImage result(int status, MemorySegment out, Path file) throws VipsException {
    if (status != 0) {
      throw failure(file);
    }
    return new VipsImage(this, out.get(ADDRESS, 0));
  }

  /** libvips' error messages since the last failure, which it then forgets. */
  private VipsException failure(Path file) {
    try {
      MemorySegment copy = (MemorySegment) errorBufferCopy.invokeExact();
      String message = copy.reinterpret(Long.MAX_VALUE).getString(0).strip();
      free.invokeExact(copy);
      if (file != null) {
        message = message.replace(file.toAbsolutePath().toString(), "the file");
      }
      return new VipsException(message.isEmpty() ? "libvips failed" : message);
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  private static MemorySegment path(Arena arena, Path file) {
    return arena.allocateFrom(file.toAbsolutePath().toString());
  }

  private int intOf(MethodHandle getter, MemorySegment image) {
    try {
      return (int) getter.invokeExact(image);
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  /** One native call, in an arena of its own that ends with it. */
  @FunctionalInterface
  private interface NativeCall<T> {
    T call(Arena arena) throws Throwable;
  }

  private static <T> T call(NativeCall<T> body) throws VipsException {
    try (Arena arena = Arena.ofConfined()) {
      return body.call(arena);
    } catch (VipsException e) {
      throw e;
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  private static IllegalStateException broken(Throwable e) {
    return new IllegalStateException("Calling libvips failed", e);
  }
}
