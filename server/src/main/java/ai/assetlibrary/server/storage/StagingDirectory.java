package ai.assetlibrary.server.storage;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local files blobs are staged in until they are committed, for every store. Files in use are
 * tracked, so that what a crash left behind can be told apart from writes in progress. A disk that
 * fills up while staging is the domain's {@code STORAGE_FULL}, and so is one that comes within its
 * reserve: the last 5 % of the filesystem (at most 64 MiB) is kept for the database, so that
 * deleting, which is how room is made, still works when uploads no longer fit.
 */
public final class StagingDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(StagingDirectory.class);
  private static final String NO_SPACE = "No space left on device";
  private static final String DISK_QUOTA = "Disk quota exceeded";

  private static final long MAX_RESERVE_BYTES = 64L << 20;
  private static final int RESERVE_DIVISOR = 20;

  private final Path directory;
  private final FileStore fileStore;
  private final long reserveBytes;
  private final Set<Path> inUse = ConcurrentHashMap.newKeySet();

  public StagingDirectory(Path directory) throws IOException {
    this.directory = directory.toAbsolutePath().normalize();
    Files.createDirectories(this.directory);
    this.fileStore = Files.getFileStore(this.directory);
    this.reserveBytes = Math.min(MAX_RESERVE_BYTES, fileStore.getTotalSpace() / RESERVE_DIVISOR);
  }

  /** A new, empty staged file. */
  public StagedFile create() throws IOException {
    Path file = directory.resolve(UUID.randomUUID() + ".part");
    inUse.add(file);
    try {
      return new StagedFile(
          file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    } catch (IOException e) {
      inUse.remove(file);
      throw storageFullOr(e);
    }
  }

  /** Removes the staged files no write in progress uses (left by a crash); how many. */
  public int discardAbandoned() throws IOException {
    int discarded = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        if (!inUse.contains(file) && Files.deleteIfExists(file)) {
          discarded++;
        }
      }
    }
    return discarded;
  }

  public Path directory() {
    return directory;
  }

  /**
   * {@code e}, unless it says the disk (or the filesystem quota) is full: then the domain's {@code
   * STORAGE_FULL} is thrown instead.
   */
  public static IOException storageFullOr(IOException e) {
    String message = e.getMessage();
    if (message != null && (message.contains(NO_SPACE) || message.contains(DISK_QUOTA))) {
      throw storageFull();
    }
    return e;
  }

  private static LibraryException storageFull() {
    return new LibraryException(
        Failure.STORAGE_FULL,
        "The server has no storage space left; nothing was kept. Retry later.");
  }

  /** One staged file: written once, then flushed, and removed on close unless it was taken. */
  public final class StagedFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private long size;
    private boolean taken;

    private StagedFile(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    public void write(byte[] buffer, int offset, int length) throws IOException {
      if (fileStore.getUsableSpace() - length < reserveBytes) {
        throw storageFull();
      }
      ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
      try {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      } catch (IOException e) {
        throw storageFullOr(e);
      }
      size += length;
    }

    public long size() {
      return size;
    }

    public Path path() {
      return path;
    }

    /** Makes the bytes durable on disk and stops writing: for a file that is kept. */
    public void flush() throws IOException {
      try {
        channel.force(true);
        channel.close();
      } catch (IOException e) {
        throw storageFullOr(e);
      }
    }

    /**
     * Stops writing without forcing the bytes to disk: for a file that is only read once more
     * (uploaded elsewhere) and then removed, so that a crash loses nothing that was kept.
     */
    public void finish() throws IOException {
      try {
        channel.close();
      } catch (IOException e) {
        throw storageFullOr(e);
      }
    }

    /** The file now belongs elsewhere (it was moved into place): close leaves it alone. */
    public void taken() {
      taken = true;
      inUse.remove(path);
    }

    /** Removes the file unless it was taken. Never throws. */
    @Override
    public void close() {
      try {
        channel.close();
        if (!taken) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        LOG.warn("Could not remove staged file {}", path, new UncheckedIOException(e));
      } finally {
        inUse.remove(path);
      }
    }
  }
}
