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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libvips shared library, loaded once: finds its functions and sets it up for the server (its
 * operation cache off, one thread per operation, its Orc vector code off, only the loaders of
 * accepted picture types, its warnings in our log).
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

  /** G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO. */
  private static final int LOG_LEVELS = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6);

  private static final Logger LOG = LoggerFactory.getLogger(Vips.class);

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
    MemorySegment logger =
        linker.upcallStub(
            MethodHandles.lookup()
                .findStatic(
                    VipsLibrary.class,
                    "log",
                    MethodType.methodType(
                        void.class,
                        MemorySegment.class,
                        int.class,
                        MemorySegment.class,
                        MemorySegment.class)),
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS),
            global);
    MethodHandle setHandler =
        function(
            "g_log_set_handler",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    if ((int)
            setHandler.invokeExact(
                global.allocateFrom("VIPS"), LOG_LEVELS, logger, MemorySegment.NULL)
        == 0) {
      throw new IllegalStateException("libvips' log could not be taken over");
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
    // Orc, the run-time code generator behind libvips' vector paths, crashed the process
    // (SIGSEGV in liborc) with two media workers thumbnailing at once; imagor turns it off too.
    function("vips_vector_set_enabled", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
    function("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
    MethodHandle block =
        function("vips_operation_block_set", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    block.invokeExact(global.allocateFrom("VipsForeignLoad"), 1);
    for (String loader : LOADERS) {
      block.invokeExact(global.allocateFrom(loader), 0);
    }
  }

  /** libvips' warnings about one file, which the caller turns into a refusal, go to our log. */
  private static void log(
      MemorySegment domain, int level, MemorySegment message, MemorySegment data) {
    LOG.debug("libvips: {}", message.reinterpret(Long.MAX_VALUE).getString(0));
  }

  private MemorySegment symbol(String name) {
    return symbols
        .find(name)
        .orElseThrow(() -> new IllegalStateException("libvips has no " + name));
  }
}
