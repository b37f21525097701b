package ai.assetlibrary.server.storage;

import java.nio.file.Path;

/**
 * A blob's bytes as a file of this machine, for tools that read files (libvips, FFmpeg): the blob's
 * own file, or a copy of it that closing removes.
 */
public record LocalFile(Path path, Runnable onClose) implements AutoCloseable {

  /** A file that is the blob itself: closing leaves it alone. */
  public static LocalFile itself(Path path) {
    return new LocalFile(path, () -> {});
  }

  @Override
  public void close() {
    onClose.run();
  }
}
