package ai.assetlibrary.server.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * The libvips shared library, loaded once: finds its functions and sets it up for the server (its
 * operation cache off, one thread per operation, only the loaders of accepted picture types, its
 * warnings off).
 */
final class VipsLibrary {

  private static final List<String> LIBRARY_NAMES = List.of("libvips.so.42", "libvips.42.dylib");

  /** The loaders left enabled: JPEG, PNG, GIF, WebP, TIFF and HEIF. */
  private static final List<String> LOADERS =
      List.of(
          "VipsForeignLoadJpeg",
          "VipsForeignLoadPng",
          "VipsForeignLoadNsgif",
          "VipsForeignLoadWebp",
          "VipsForeignLoadTiff",
          "VipsForeignLoadHeif");

  private final Linker linker = Linker.nativeLinker();
  private final SymbolLookup symbols;

  private VipsLibrary(SymbolLookup symbols) {
    this.symbols = symbols;
  }

  /** Loads and sets up libvips; fails saying how to install it. */
  static VipsLibrary load() {
    Throwable cause = null;
    for (String name : LIBRARY_NAMES) {
      try {
        VipsLibrary library = new VipsLibrary(SymbolLookup.libraryLookup(name, Arena.global()));
        library.configure();
        return library;
      } catch (Throwable e) {
        cause = e;
      }
    }
    throw new IllegalStateException(
        "libvips 8.14 or newer is needed for pictures (apt-get install libvips42, or brew"
            + " install vips): "
            + cause.getMessage(),
        cause);
  }

  MethodHandle function(String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(symbol(name), descriptor);
  }

  MethodHandle variadic(String name, FunctionDescriptor descriptor, int fixedArguments) {
    return linker.downcallHandle(
        symbol(name), descriptor, Linker.Option.firstVariadicArg(fixedArguments));
  }

  /** {@link #variadic}, or empty when this libvips lacks the function. */
  Optional<MethodHandle> optionalVariadic(
      String name, FunctionDescriptor descriptor, int fixedArguments) {
    return symbols
        .find(name)
        .map(
            symbol ->
                linker.downcallHandle(
                    symbol, descriptor, Linker.Option.firstVariadicArg(fixedArguments)));
  }

  void configure() throws Throwable {
    Arena global = Arena.global();
    // libvips' warnings are about the file being read, and its failures come back through its
    // error buffer: VIPS_WARNING, read by vips_init, turns them off. (A log handler calling back
    // into the JVM would attach each of libvips' worker threads to it.)
    MethodHandle setenv =
        linker.downcallHandle(
            linker.defaultLookup().find("setenv").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    if ((int) setenv.invokeExact(global.allocateFrom("VIPS_WARNING"), global.allocateFrom("1"), 1)
        != 0) {
      throw new IllegalStateException("VIPS_WARNING could not be set");
    }
    if ((int)
            function("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS))
                .invokeExact(global.allocateFrom("asset-server"))
        != 0) {
      throw new IllegalStateException("vips_init failed");
    }
    function("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
    function("vips_cache_set_max_mem", FunctionDescriptor.ofVoid(JAVA_LONG)).invokeExact(0L);
    function("vips_cache_set_max_files", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
    function("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
    function("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
    MethodHandle block =
        function("vips_operation_block_set", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    block.invokeExact(global.allocateFrom("VipsForeignLoad"), 1);
    for (String loader : LOADERS) {
      block.invokeExact(global.allocateFrom(loader), 0);
    }
  }

  private MemorySegment symbol(String name) {
    return symbols
        .find(name)
        .orElseThrow(() -> new IllegalStateException("libvips has no " + name));
  }
}
