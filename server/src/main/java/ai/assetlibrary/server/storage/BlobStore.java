package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where asset bytes live. A blob is written through a {@link PendingBlob} and becomes visible under
 * its key only when committed, so a failed write never leaves a partial blob behind.
 */
public interface BlobStore {

  /** Starts a new blob; write to it, then commit or close it. */
  PendingBlob create() throws IOException;

  /** The committed blob under {@code key}, if there is one. */
  Optional<StoredBlob> find(String key) throws IOException;

  /** Removes the blob under {@code key}; does nothing if there is none. */
  void delete(String key) throws IOException;

  /** Every committed blob, in no particular order; close the stream when done. */
  Stream<BlobEntry> list() throws IOException;

  /**
   * Removes the partial bytes of writes that are not in progress in this process (left by a crash).
   * Returns how many were removed.
   */
  int discardAbandonedWrites() throws IOException;
}
