package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.io.InputStream;

/** A committed blob: its size and a way to read it. */
public interface StoredBlob {

  long size();

  /**
   * Reads {@code length} bytes from {@code offset} on; nothing before or after them is read.
   *
   * @throws BlobMissingException when the blob was removed since it was found
   */
  InputStream open(long offset, long length) throws IOException;

  /**
   * The bytes as a file of this machine: the blob's own where the store keeps one, otherwise a copy
   * in the staging directory until the returned file is closed.
   *
   * @throws BlobMissingException when the blob was removed since it was found
   */
  LocalFile localFile() throws IOException;
}
