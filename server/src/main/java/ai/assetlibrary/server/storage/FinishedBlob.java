package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The bytes of a finished resumable upload as a pending blob: readable meanwhile in a local file,
 * made visible under the key by the spool's own step (a link, a copy in the bucket), never written
 * to.
 */
public final class FinishedBlob implements PendingBlob {

  /** What makes the bytes durable and visible under the key. */
  @FunctionalInterface
  public interface Commit {
    void run() throws IOException;
  }

  private final String key;
  private final long size;
  private final Path localFile;
  private final Commit commit;
  private final Runnable release;

  /**
   * @param release what closing it frees (a local copy), whether or not it was committed; the
   *     spool's own copy of the bytes stays until the spool discards it
   */
  public FinishedBlob(String key, long size, Path localFile, Commit commit, Runnable release) {
    this.key = key;
    this.size = size;
    this.localFile = localFile;
    this.commit = commit;
    this.release = release;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) {
    throw new UnsupportedOperationException("A finished upload takes no more bytes");
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public Path stagingFile() {
    return localFile;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public void commit() throws IOException {
    commit.run();
  }

  @Override
  public void close() {
    release.run();
  }
}
