package ai.assetlibrary.server.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** The header fields of a libvips image that {@link VipsImage} reads: size, alpha, EXIF fields. */
final class VipsFields {

  private final MethodHandle imageWidth;
  private final MethodHandle imageHeight;
  private final MethodHandle imageHasAlpha;
  private final MethodHandle imageTypeOf;
  private final MethodHandle imageInt;

  VipsFields(VipsLibrary library) {
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

  /** Whether {@code image} has a header field {@code name}. */
  boolean hasField(MemorySegment image, String name) {
    try (Arena arena = Arena.ofConfined()) {
      return (long) imageTypeOf.invokeExact(image, arena.allocateFrom(name)) != 0;
    } catch (Throwable e) {
      throw Vips.broken(e);
    }
  }

  /** The integer field {@code name} of {@code image}, or {@code absent} when it has none. */
  int intField(MemorySegment image, String name, int absent) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment field = arena.allocateFrom(name);
      if ((long) imageTypeOf.invokeExact(image, field) == 0) {
        return absent;
      }
      MemorySegment out = arena.allocate(JAVA_INT);
      return (int) imageInt.invokeExact(image, field, out) == 0 ? out.get(JAVA_INT, 0) : absent;
    } catch (Throwable e) {
      throw Vips.broken(e);
    }
  }

  private static int intOf(MethodHandle getter, MemorySegment image) {
    try {
      return (int) getter.invokeExact(image);
    } catch (Throwable e) {
      throw Vips.broken(e);
    }
  }
}
