package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where asset bytes live: a directory of files, or an S3 bucket. A blob is written through a {@link
 * PendingBlob} and becomes visible under its key only when committed, so a failed write never
 * leaves a partial blob behind.
 */
public interface BlobStore {

  /**
   * Starts a new blob to be visible under {@code key} once committed (see {@link BlobKeys}); write
   * to it, then commit or close it.
   */
  PendingBlob create(String key) throws IOException;

  /**
   * Starts a blob that can be made again from others (a rendition): like {@link #create}, but its
   * commit need not wait for the disk, so a crash soon after may lose it; its reader must then make
   * it again.
   */
  default PendingBlob createRebuildable(String key) throws IOException {
    return create(key);
  }

  /** The committed blob under {@code key}, if there is one. */
  Optional<StoredBlob> find(String key) throws IOException;

  /** Removes the blob under {@code key}; does nothing if there is none. */
  void delete(String key) throws IOException;

  /**
   * Every committed blob, in no particular order, read lazily page by page; close the stream when
   * done.
   */
  Stream<BlobEntry> list() throws IOException;

  /**
   * Removes what interrupted writes left (partial files, unfinished multipart uploads) that no
   * write in progress can still need. Returns how many were removed.
   */
  int discardAbandonedWrites() throws IOException;

  /** Returns when blobs can be written and read; throws when they cannot (for readiness). */
  void check() throws IOException;

  /** Room left for blobs, where the store has a limit of its own (a disk); empty otherwise. */
  Optional<StorageCapacity> capacity();
}
