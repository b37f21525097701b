package ai.assetlibrary.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a leak would grow, counted in this JVM (which runs the server under test): open file
 * descriptors other than the network's (sockets, which the test client pools, and the epoll and
 * eventfd pairs of selectors, which the HTTP server opens on demand into a pool of up to 32), live
 * threads other than the test client's, and files in the temporary directory and in the blob
 * store's incoming directory.
 */
public record ResourceCounts(List<String> fileDescriptors, List<String> threads, long tempFiles) {

  private static final Set<String> SELECTORS =
      Set.of("anon_inode:[eventpoll]", "anon_inode:[eventfd]");

  public static ResourceCounts of(TestServer server) {
    return new ResourceCounts(
        nonNetworkDescriptors(),
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter(name -> !name.equals(TestServer.CLIENT_THREAD))
            .toList(),
        count(Path.of(System.getProperty("java.io.tmpdir")), false)
            + count(server.library().staging().directory(), true));
  }

  /** What is open now and was not open {@code before} (one entry per extra descriptor). */
  public List<String> descriptorsOpenedSince(ResourceCounts before) {
    List<String> extra = new ArrayList<>(fileDescriptors);
    before.fileDescriptors.forEach(extra::remove);
    return extra;
  }

  /** The threads alive now that were not {@code before}, by name. */
  public List<String> threadsStartedSince(ResourceCounts before) {
    List<String> extra = new ArrayList<>(threads);
    before.threads.forEach(extra::remove);
    return extra;
  }

  private static List<String> nonNetworkDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(ResourceCounts::readLink)
          .filter(target -> !target.isEmpty() && !target.startsWith("socket:"))
          .filter(target -> !SELECTORS.contains(target))
          .toList();
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
