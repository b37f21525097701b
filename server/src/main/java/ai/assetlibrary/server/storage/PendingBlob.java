package ai.assetlibrary.server.storage;

import java.io.IOException;

/**
 * A blob being written. Bytes go in with {@link #write}; {@link #commit} makes them durable and
 * visible under a key; {@link #close} without a commit discards everything written.
 */
public interface PendingBlob extends AutoCloseable {

  void write(byte[] buffer, int offset, int length) throws IOException;

  /** Bytes written so far. */
  long size();

  /** Makes the bytes durable and visible under {@code key}. */
  void commit(String key) throws IOException;

  /** Discards the bytes unless they were committed. Never throws. */
  @Override
  void close();
}
