package ai.assetlibrary.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a leak would grow, counted in this JVM (which runs the server under test): open file
 * descriptors other than sockets (the test client pools its connections), live threads, and files
 * in the temporary directory and in the blob store's incoming directory.
 */
public record ResourceCounts(long fileDescriptors, int threads, long tempFiles) {

  public static ResourceCounts of(TestServer server) {
    return new ResourceCounts(
        nonSocketDescriptors(),
        Thread.getAllStackTraces().size(),
        count(Path.of(System.getProperty("java.io.tmpdir")), false)
            + count(server.library().staging().directory(), true));
  }

  private static long nonSocketDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> !readLink(fd).startsWith("socket:")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return ""; // closed while listing
    }
  }

  private static long count(Path dir, boolean recursive) {
    try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
