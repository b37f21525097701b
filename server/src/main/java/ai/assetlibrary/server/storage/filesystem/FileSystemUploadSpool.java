package ai.assetlibrary.server.storage.filesystem;

import ai.assetlibrary.server.storage.FinishedBlob;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.UploadSpool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads as one file each beside the blobs, appended and fsynced request by request; the
 * finished file becomes its blob by a hard link, so the commit copies nothing.
 */
public final class FileSystemUploadSpool implements UploadSpool {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemUploadSpool.class);
  private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final String SUFFIX = ".upload";
  private static final long FLUSH_EVERY_BYTES = 1L << 20;
  private static final ExecutorService FLUSHERS = Executors.newVirtualThreadPerTaskExecutor();
  private static final Duration UNTOUCHED = Duration.ofMinutes(1);

  private final Path directory;
  private final FileSystemBlobStore blobs;

  /** Uploads in {@code directory}, on the same file system as {@code blobs}. */
  public FileSystemUploadSpool(Path directory, FileSystemBlobStore blobs) throws IOException {
    this.directory = directory.toAbsolutePath().normalize();
    this.blobs = blobs;
    Files.createDirectories(this.directory);
  }

  @Override
  public Appended append(String uploadId, Held held, String key, InputStream body, long maxBytes)
      throws IOException {
    Path file = fileOf(uploadId);
    byte[] buffer = new byte[BUFFER_BYTES];
    long appended = 0;
    Optional<IOException> cutOff = Optional.empty();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (channel.size() < held.bytes()) {
        throw new IOException(
            "Upload " + uploadId + " holds " + channel.size() + " bytes, not " + held.bytes());
      }
      channel.truncate(held.bytes());
      channel.position(held.bytes());
      EarlyFlush flush = new EarlyFlush(channel);
      while (appended < maxBytes) {
        int read;
        try {
          read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - appended));
        } catch (IOException e) {
          cutOff = Optional.of(e);
          break;
        }
        if (read == -1) {
          break;
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        appended += read;
        flush.written(read);
      }
      flush.await();
      channel.force(true);
    } catch (IOException e) {
      throw StagingDirectory.storageFullOr(e);
    }
    if (held.bytes() == 0) {
      // The file's name is durable too before its first bytes are acknowledged.
      FileSystemBlobStore.fsyncDirectory(directory);
    }
    return new Appended(new Held(held.bytes() + appended, null), cutOff);
  }

  @Override
  public InputStream readStart(String uploadId, Held held) throws IOException {
    if (held.bytes() == 0) {
      return InputStream.nullInputStream();
    }
    return BoundedInputStream.builder()
        .setInputStream(Files.newInputStream(fileOf(uploadId)))
        .setMaxCount(held.bytes())
        .get();
  }

  @Override
  public PendingBlob finish(String uploadId, Held held, String key) {
    Path file = fileOf(uploadId);
    return new FinishedBlob(key, held.bytes(), file, () -> blobs.link(file, key), () -> {});
  }

  @Override
  public void discard(String uploadId, Held held) {
    try {
      Files.deleteIfExists(fileOf(uploadId));
    } catch (IOException e) {
      LOG.warn("Could not remove upload {}", uploadId, new UncheckedIOException(e));
    }
  }

  @Override
  public void discardUnless(Predicate<String> recorded) {
    Instant before = Instant.now().minus(UNTOUCHED);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)
            && !recorded.test(name.substring(0, name.length() - SUFFIX.length()))) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not sweep {}", directory, new UncheckedIOException(e));
    }
  }

  /**
   * Starts forcing what an append wrote to the disk while the body still arrives, one flush at a
   * time, so that the force that ends the append, before its answer, has little left to wait for.
   */
  private static final class EarlyFlush {

    private final FileChannel channel;
    private long unflushed;
    private Future<?> inFlight = CompletableFuture.completedFuture(null);

    EarlyFlush(FileChannel channel) {
      this.channel = channel;
    }

    void written(int bytes) {
      unflushed += bytes;
      if (unflushed >= FLUSH_EVERY_BYTES && inFlight.isDone()) {
        unflushed = 0;
        inFlight =
            FLUSHERS.submit(
                () -> {
                  channel.force(false);
                  return null;
                });
      }
    }

    /** Waits for the flush in flight; its failure is left to the final force to report. */
    void await() {
      try {
        inFlight.get();
      } catch (ExecutionException e) {
        // The final force fails the same way, or succeeds, which is what counts.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Path fileOf(String uploadId) {
    if (!UPLOAD_ID.matcher(uploadId).matches()) {
      throw new IllegalArgumentException("Not an upload id: " + uploadId);
    }
    return directory.resolve(uploadId + SUFFIX);
  }
}
