package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.io.InputStream;

/** A committed blob: its size and a way to read it. */
public interface StoredBlob {

  long size();

  /** Reads from {@code offset} on; the bytes before it are skipped, not read. */
  InputStream open(long offset) throws IOException;
}
