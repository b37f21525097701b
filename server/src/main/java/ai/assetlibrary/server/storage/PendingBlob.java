package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A blob being written. Bytes go in with {@link #write}; {@link #commit} makes them durable and
 * visible under a key; {@link #close} without a commit discards everything written.
 */
public interface PendingBlob extends AutoCloseable {

  void write(byte[] buffer, int offset, int length) throws IOException;

  /** Bytes written so far. */
  long size();

  /** A local file holding the bytes written so far, for reading them back before the commit. */
  Path localFile();

  /** Makes the bytes durable and visible under {@code key}. */
  void commit(String key) throws IOException;

  /** Discards the bytes unless they were committed. Never throws. */
  @Override
  void close();
}
