package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A blob being written under the key it was created for. Bytes go in with {@link #write}; {@link
 * #commit} makes them durable and visible under the key; {@link #close} without a commit discards
 * everything written. A store may send the bytes on while they are written (the S3 store uploads
 * parts as they fill); nothing is visible under the key before the commit.
 *
 * <p>Every store stages a blob's bytes in a local file of this machine until the commit (the
 * filesystem store renames it into place, the S3 store uploads from it), so that tools which need a
 * file, FFmpeg among them, can read the bytes before they are committed: {@link #stagingFile}.
 */
public interface PendingBlob extends AutoCloseable {

  void write(byte[] buffer, int offset, int length) throws IOException;

  /** Bytes written so far. */
  long size();

  /** The local file the bytes are staged in, to be read (never written) before the commit. */
  Path stagingFile();

  /** The key the blob becomes visible under when it is committed. */
  String key();

  /** Makes the bytes durable and visible under {@link #key}. */
  void commit() throws IOException;

  /** Discards the bytes unless they were committed. Never throws. */
  @Override
  void close();
}
