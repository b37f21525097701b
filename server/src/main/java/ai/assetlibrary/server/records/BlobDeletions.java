package ai.assetlibrary.server.records;

import java.util.List;

/** The blobs owed a delete, recorded so that none is forgotten when a delete fails. */
public interface BlobDeletions {

  /** Queues the blob under {@code storageKey}; a key already queued stays queued once. */
  void enqueue(String storageKey, long now);

  /** Queued keys, oldest first. */
  List<String> next(int limit);

  /** The blob is gone: forgets its key. */
  void done(String storageKey);

  /** The delete failed: counts the attempt and keeps the key queued. */
  void failed(String storageKey, String error);

  long count();
}
