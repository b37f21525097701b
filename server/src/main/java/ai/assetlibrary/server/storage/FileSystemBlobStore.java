package ai.assetlibrary.server.storage;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under a root directory. A blob is written to a temporary file in the same file
 * system, fsynced, then atomically renamed to its key, and the directory is fsynced.
 */
public final class FileSystemBlobStore implements BlobStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
  private static final Pattern KEY =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
  private static final String TEMP_DIR = ".incoming";
  private static final String NO_SPACE = "No space left on device";
  private static final String DISK_QUOTA = "Disk quota exceeded";

  private final Path root;
  private final Path incoming;
  private final Set<Path> writesInProgress = ConcurrentHashMap.newKeySet();

  public FileSystemBlobStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = this.root.resolve(TEMP_DIR);
    Files.createDirectories(incoming);
  }

  @Override
  public PendingBlob create() throws IOException {
    Path temp = incoming.resolve(UUID.randomUUID() + ".part");
    writesInProgress.add(temp);
    try {
      FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new FilePendingBlob(temp, channel);
    } catch (IOException | RuntimeException e) {
      writesInProgress.remove(temp);
      throw e;
    }
  }

  @Override
  public Optional<StoredBlob> find(String key) throws IOException {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    long size = Files.size(file);
    return Optional.of(
        new StoredBlob() {
          @Override
          public long size() {
            return size;
          }

          @Override
          public InputStream open(long offset, long length) throws IOException {
            SeekableByteChannel channel;
            try {
              channel = Files.newByteChannel(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
              throw new BlobMissingException(key, e);
            }
            channel.position(offset);
            return BoundedInputStream.builder()
                .setInputStream(Channels.newInputStream(channel))
                .setMaxCount(length)
                .get();
          }
        });
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(pathOf(key));
  }

  @Override
  public Stream<BlobEntry> list() throws IOException {
    Stream<Path> files = Files.walk(root);
    return files
        .filter(path -> !path.startsWith(incoming) && Files.isRegularFile(path))
        .flatMap(path -> entryOf(path).stream());
  }

  private Optional<BlobEntry> entryOf(Path file) {
    String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BlobEntry(key, Files.getLastModifiedTime(file).toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int discardAbandonedWrites() throws IOException {
    int discarded = 0;
    try (Stream<Path> temps = Files.list(incoming)) {
      for (Path temp : temps.toList()) {
        if (!writesInProgress.contains(temp) && Files.deleteIfExists(temp)) {
          discarded++;
        }
      }
    }
    return discarded;
  }

  @Override
  public void check() throws IOException {
    try (PendingBlob probe = create()) {
      probe.write(new byte[1], 0, 1);
    }
  }

  @Override
  public Optional<StorageCapacity> capacity() {
    try {
      FileStore store = Files.getFileStore(root);
      return Optional.of(new StorageCapacity(store.getUsableSpace(), store.getTotalSpace()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Temporary files of writes in progress, or left by a crash; for tests. */
  public Path incomingDirectory() {
    return incoming;
  }

  private Path pathOf(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a valid blob key: " + key);
    }
    return root.resolve(key);
  }

  /**
   * {@code e}, unless it says the disk (or the filesystem quota) is full: then the domain's {@code
   * STORAGE_FULL} is thrown instead.
   */
  private static IOException storageFullOr(IOException e) {
    String message = e.getMessage();
    if (message != null && (message.contains(NO_SPACE) || message.contains(DISK_QUOTA))) {
      throw new LibraryException(
          Failure.STORAGE_FULL,
          "The server has no storage space left; nothing was kept. Retry later.");
    }
    return e;
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** A blob written to a temporary file until it is committed. */
  private final class FilePendingBlob implements PendingBlob {
    private final Path temp;
    private final FileChannel channel;
    private long size;
    private boolean committed;

    private FilePendingBlob(Path temp, FileChannel channel) {
      this.temp = temp;
      this.channel = channel;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
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

    @Override
    public long size() {
      return size;
    }

    @Override
    public Path stagingFile() {
      return temp;
    }

    @Override
    public void commit(String key) throws IOException {
      Path target = pathOf(key);
      try {
        channel.force(true);
        channel.close();
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        writesInProgress.remove(temp);
        fsyncDirectory(target.getParent());
      } catch (IOException e) {
        throw storageFullOr(e);
      }
    }

    @Override
    public void close() {
      try {
        channel.close();
        if (!committed) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException e) {
        LOG.warn("Could not discard temporary blob {}", temp, new UncheckedIOException(e));
      } finally {
        writesInProgress.remove(temp);
      }
    }
  }
}
