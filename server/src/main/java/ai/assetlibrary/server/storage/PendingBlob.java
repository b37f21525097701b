package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A blob being written. Bytes go in with {@link #write}; {@link #commit} makes them durable and
 * visible under a key; {@link #close} without a commit discards everything written.
 *
 * <p>Every store stages a blob's bytes in a local file of this machine until the commit (the
 * filesystem store renames it into place, the S3 store uploads it), so that tools which need a
 * file, FFmpeg among them, can read the bytes before they are committed: {@link #stagingFile}.
 */
public interface PendingBlob extends AutoCloseable {

  void write(byte[] buffer, int offset, int length) throws IOException;

  /** Bytes written so far. */
  long size();

  /** The local file the bytes are staged in, to be read (never written) before the commit. */
  Path stagingFile();

  /** Makes the bytes durable and visible under {@code key}. */
  void commit(String key) throws IOException;

  /** Discards the bytes unless they were committed. Never throws. */
  @Override
  void close();
}
