package ai.assetlibrary.server.storage.filesystem;

import ai.assetlibrary.server.storage.BlobEntry;
import ai.assetlibrary.server.storage.BlobMissingException;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.LocalFile;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StagingDirectory.StagedFile;
import ai.assetlibrary.server.storage.StorageCapacity;
import ai.assetlibrary.server.storage.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Blobs as files under a root directory. A blob is staged in a temporary file in the same file
 * system, fsynced, then atomically renamed to its key, and the directory is fsynced.
 */
public final class FileSystemBlobStore implements BlobStore {

  private static final Pattern KEY =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
  private static final String TEMP_DIR = ".incoming";
  private static final String UPLOADS_DIR = ".uploads";

  private final Path root;
  private final StagingDirectory staging;

  /** Blobs under {@code root}, staged in {@link #stagingDirectoryOf}{@code (root)}. */
  public FileSystemBlobStore(Path root, StagingDirectory staging) {
    this.root = root.toAbsolutePath().normalize();
    this.staging = staging;
  }

  /** Where blobs under {@code root} are staged: beside them, so a rename puts them in place. */
  public static Path stagingDirectoryOf(Path root) {
    return root.toAbsolutePath().normalize().resolve(TEMP_DIR);
  }

  @Override
  public PendingBlob create(String key) throws IOException {
    Path target = pathOf(key);
    return new FilePendingBlob(key, target, staging.create(), true);
  }

  @Override
  public PendingBlob createRebuildable(String key) throws IOException {
    return new FilePendingBlob(key, pathOf(key), staging.create(), false);
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
          public LocalFile localFile() {
            return LocalFile.itself(file);
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
        .filter(path -> !path.startsWith(staging.directory()) && Files.isRegularFile(path))
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
    return staging.discardAbandoned();
  }

  /**
   * A file can be created where blobs are staged. Nothing is written to it: a disk down to its
   * reserve still serves, reads and deletes.
   */
  @Override
  public void check() throws IOException {
    create("readiness-probe").close();
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

  private Path pathOf(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a valid blob key: " + key);
    }
    return root.resolve(key);
  }

  /**
   * Where resumable uploads are spooled under {@code root}: beside the blobs, so that a finished
   * upload becomes its blob by a link.
   */
  public static Path uploadsDirectoryOf(Path root) {
    return root.toAbsolutePath().normalize().resolve(UPLOADS_DIR);
  }

  /**
   * Makes the complete, fsynced {@code file} the blob under {@code key} as well, by a hard link:
   * durable and visible once this returns.
   */
  void link(Path file, String key) throws IOException {
    Path target = pathOf(key);
    try {
      // The blob is new now: the orphan sweep spares blobs by their age, and a link keeps the
      // file's own modification time.
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
      Files.createDirectories(target.getParent());
      Files.createLink(target, file);
      fsyncDirectory(target.getParent());
    } catch (IOException e) {
      throw StagingDirectory.storageFullOr(e);
    }
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * A blob staged in a temporary file until it is committed, then renamed into place: forced to
   * disk first and its directory after when {@code durable}, left to the kernel otherwise.
   */
  private final class FilePendingBlob implements PendingBlob {

    private final String key;
    private final Path target;
    private final StagedFile staged;
    private final boolean durable;

    private FilePendingBlob(String key, Path target, StagedFile staged, boolean durable) {
      this.key = key;
      this.target = target;
      this.staged = staged;
      this.durable = durable;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      staged.write(buffer, offset, length);
    }

    @Override
    public long size() {
      return staged.size();
    }

    @Override
    public Path stagingFile() {
      return staged.path();
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void commit() throws IOException {
      if (durable) {
        staged.flush();
      } else {
        staged.finish();
      }
      try {
        Files.createDirectories(target.getParent());
        Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
        staged.taken();
        if (durable) {
          fsyncDirectory(target.getParent());
        }
      } catch (IOException e) {
        throw StagingDirectory.storageFullOr(e);
      }
    }

    @Override
    public void close() {
      staged.close();
    }
  }
}
