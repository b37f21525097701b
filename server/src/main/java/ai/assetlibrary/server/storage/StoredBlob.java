package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.io.InputStream;

/** A committed blob: its size and a way to read it. */
public interface StoredBlob {

  long size();

  InputStream open() throws IOException;
}
