package ai.assetlibrary.server.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the outside programs some tests drive (Chromium, npm) on the {@code PATH}. */
public final class Executables {

  private Executables() {}

  /**
   * The first of {@code names} found on the {@code PATH}; fails the test with {@code missing},
   * which should say how to install it, when none is.
   */
  public static String onPath(String missing, String... names) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(() -> new AssertionError(missing));
  }
}
