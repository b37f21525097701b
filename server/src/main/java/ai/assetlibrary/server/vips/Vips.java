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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * libvips (8.14 or newer), bound through the foreign function API: the few operations the server
 * needs, typed, with libvips' operation cache off, one thread per operation (the callers are the
 * bounded media workers) and, of its loaders, only those of the picture types the server accepts.
 * One per process ({@link #library()}).
 */
public final class Vips {

  private static final int SIZE_DOWN = 2;
  private static final int FAIL_ON_ERROR = 2;
  private static final int ACCESS_SEQUENTIAL = 1;
  private static final int BAND_FORMAT_UCHAR = 0;

  private static Vips instance;

  private final MemorySegment height;
  private final MemorySegment size;
  private final MemorySegment failOn;
  private final MemorySegment shrink;
  private final MemorySegment access;
  private final MethodHandle jpegLoad;
  private final Map<String, MethodHandle> loaders = new HashMap<>();
  private final MethodHandle thumbnailImage;
  private final MethodHandle rot;
  private final MethodHandle newFromMemoryCopy;
  private final MethodHandle writeToBuffer;
  private final VipsFields fields;
  private final VipsTransforms transforms;
  private final MethodHandle errorBufferCopy;
  private final MethodHandle free;
  private final MethodHandle unref;

  /**
   * Held while libvips makes or frees Orc programs, the vector code it generates at run time:
   * liborc 0.4.33 (Debian 12's) allocates and frees their code memory without a lock (0.4.34 takes
   * one), and libvips locks only the compiling. Of what the server calls, only the vertical
   * reduction inside a thumbnail makes programs, when it is built, and they are freed when the last
   * image of its pipeline is released; so the thumbnail's build and every release hold this lock,
   * and decoding and encoding, where the pixel work is, do not.
   */
  private final ReentrantLock orcPrograms = new ReentrantLock();

  private Vips(VipsLibrary library) {
    Arena global = Arena.global();
    this.height = global.allocateFrom("height");
    this.size = global.allocateFrom("size");
    this.failOn = global.allocateFrom("fail_on");
    this.shrink = global.allocateFrom("shrink");
    this.access = global.allocateFrom("access");
    this.jpegLoad =
        library.variadic(
            "vips_jpegload",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS),
            2);
    FunctionDescriptor sequentialLoad =
        FunctionDescriptor.of(
            JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
    for (String loader : List.of("pngload", "gifload", "webpload", "tiffload", "heifload")) {
      library
          .optionalVariadic("vips_" + loader, sequentialLoad, 2)
          .ifPresent(handle -> loaders.put(loader, handle));
    }
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
    this.fields = new VipsFields(library);
    this.transforms = new VipsTransforms(this, library);
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

  /**
   * {@code file} as the loader {@code loader} (e.g. {@code jpegload}, the one of the type the file
   * was detected as) reads it, for one pass from top to bottom. Only the header is read now: the
   * pixels are decoded, and decoding errors surface, when an image made from it is encoded.
   *
   * @param jpegShrink for {@code jpegload}: 1, 2, 4 or 8, the factor to shrink by while decoding
   */
  public VipsImage load(Path file, String loader, int jpegShrink) throws VipsException {
    return call(
        arena -> {
          MemorySegment out = arena.allocate(ADDRESS);
          int status;
          if (loader.equals("jpegload")) {
            status =
                (int)
                    jpegLoad.invokeExact(
                        path(arena, file),
                        out,
                        shrink,
                        jpegShrink,
                        access,
                        ACCESS_SEQUENTIAL,
                        failOn,
                        FAIL_ON_ERROR,
                        MemorySegment.NULL);
          } else {
            MethodHandle load = loaders.get(loader);
            if (load == null) {
              throw new VipsException("This libvips has no " + loader);
            }
            status =
                (int)
                    load.invokeExact(
                        path(arena, file),
                        out,
                        access,
                        ACCESS_SEQUENTIAL,
                        failOn,
                        FAIL_ON_ERROR,
                        MemorySegment.NULL);
          }
          return result(status, out, file);
        });
  }

  /** Whether this libvips has the loader {@code loader}, e.g. {@code heifload}. */
  public boolean canLoad(String loader) {
    return loader.equals("jpegload") || loaders.containsKey(loader);
  }

  /**
   * {@code image} shrunk (never enlarged) to fit {@code side}×{@code side} and turned upright by
   * its EXIF orientation.
   */
  public VipsImage thumbnail(VipsImage image, int side) throws VipsException {
    orcPrograms.lock();
    try {
      return call(
          arena -> {
            MemorySegment out = arena.allocate(ADDRESS);
            int status =
                (int)
                    thumbnailImage.invokeExact(
                        image.handle(),
                        out,
                        side,
                        height,
                        side,
                        size,
                        SIZE_DOWN,
                        MemorySegment.NULL);
            return result(status, out, null);
          });
    } finally {
      orcPrograms.unlock();
    }
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

  VipsFields fields() {
    return fields;
  }

  /** The operations renditions take: sizing to a box, turning upright, padding, stopping. */
  public VipsTransforms transforms() {
    return transforms;
  }

  /** Runs {@code build}, which makes Orc programs, under {@link #orcPrograms}. */
  <T> T buildingOrcPrograms(NativeCall<T> build) throws VipsException {
    orcPrograms.lock();
    try {
      return call(build);
    } finally {
      orcPrograms.unlock();
    }
  }

  void unref(MemorySegment object) {
    orcPrograms.lock();
    try {
      unref.invokeExact(object);
    } catch (Throwable e) {
      throw broken(e);
    } finally {
      orcPrograms.unlock();
    }
  }

  VipsImage result(int status, MemorySegment out, Path file) throws VipsException {
    if (status != 0) {
      throw failure(file);
    }
    return new VipsImage(this, out.get(ADDRESS, 0));
  }

  /** libvips' error messages since the last failure, which it then forgets. */
  VipsException failure(Path file) {
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

  /** One native call, in an arena of its own that ends with it. */
  @FunctionalInterface
  interface NativeCall<T> {
    T call(Arena arena) throws Throwable;
  }

  static <T> T call(NativeCall<T> body) throws VipsException {
    try (Arena arena = Arena.ofConfined()) {
      return body.call(arena);
    } catch (VipsException e) {
      throw e;
    } catch (Throwable e) {
      throw broken(e);
    }
  }

  static IllegalStateException broken(Throwable e) {
    return new IllegalStateException("Calling libvips failed", e);
  }
}
