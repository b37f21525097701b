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
}
