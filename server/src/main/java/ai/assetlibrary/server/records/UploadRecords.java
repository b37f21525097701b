package ai.assetlibrary.server.records;

import java.util.List;
import java.util.Optional;

/** The resumable uploads, and the locks that let one request at a time append to each. */
public interface UploadRecords {

  /** Records a new upload; returns its row id. */
  long insert(UploadRecord upload);

  Optional<UploadRecord> find(String uploadId);

  Optional<UploadRecord> findByIdempotencyKey(long ownerUserId, String idempotencyKey);

  /**
   * Takes the lock of {@code ownerUserId}'s upload for {@code token} until {@code until}, unless
   * another token holds it unexpired at {@code now}; returns the upload as locked, or empty when
   * the lock was not taken.
   */
  Optional<UploadRecord> lock(
      String uploadId, long ownerUserId, String token, long now, long until);

  /** Extends a lock {@code token} holds; returns whether it still held it. */
  boolean extendLock(String uploadId, String token, long until);

  void unlock(String uploadId, String token);

  /** Releases every lock: at start-up, when this is the only instance. */
  int unlockAll();

  /**
   * Records what the holder of {@code token} appended, releasing its lock too when {@code release};
   * returns false when it no longer held the lock (and nothing changed).
   */
  boolean advance(
      String uploadId,
      String token,
      long receivedBytes,
      String detectedType,
      String storageKey,
      String storeState,
      long now,
      boolean release);

  /**
   * Names the asset the upload became and releases the lock, if the holder of {@code token} still
   * holds it and the upload is not finished yet; returns whether it did.
   */
  boolean finish(String uploadId, String assetId, String token, long now);

  /** Makes a finished upload unfinished again when its asset no longer exists. */
  void reopenIfAssetGone(String uploadId);

  void delete(String uploadId);

  /** Unfinished uploads of a user: how many, and the bytes they declared. */
  long countOpen(long ownerUserId);

  long reservedBytes(long ownerUserId);

  /** Uploads past their expiry at {@code now}, the oldest first, at most {@code limit}. */
  List<UploadRecord> expired(long now, int limit);
}
