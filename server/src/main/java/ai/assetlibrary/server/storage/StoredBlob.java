package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

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
   * The blob's own file on this machine, for tools that read files (libvips, FFmpeg), when the
   * store keeps it in one; empty otherwise (a bucket).
   */
  default Optional<Path> localFile() {
    return Optional.empty();
  }
}
