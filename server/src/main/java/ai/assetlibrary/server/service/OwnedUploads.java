package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.storage.UploadSpool.Held;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Resumable uploads as their creator sees them: found only by the user who started them and only
 * until they expire; locked by one request at a time; removed with every byte they hold.
 */
final class OwnedUploads {

  /** How long a lock lasts unless renewed: an instance that dies holding one frees it by then. */
  static final Duration LOCK_LEASE = Duration.ofSeconds(30);

  private final RecordStore records;
  private final UploadSpool spool;
  private final UploadDigests digests;
  private final Clock clock;

  OwnedUploads(RecordStore records, UploadSpool spool, UploadDigests digests, Clock clock) {
    this.records = records;
    this.spool = spool;
    this.digests = digests;
    this.clock = clock;
  }

  /** The caller's upload {@code uploadId}; 404 when it is someone else's, expired or gone. */
  UploadRecord find(Caller caller, String uploadId) {
    return records
        .uploads()
        .find(uploadId)
        .filter(u -> u.ownerUserId() == caller.userId())
        .filter(this::current)
        .orElseThrow(OwnedUploads::notFound);
  }

  /** Whether another request holds the upload's lock now. */
  boolean locked(UploadRecord upload) {
    return upload.lockToken() != null && upload.lockedUntil() > clock.millis();
  }

  /**
   * Takes the lock of the caller's upload {@code uploadId} for a new token and returns the upload
   * as it is under the lock; 404 as {@link #find} says, 423 when another request holds the lock.
   */
  Locked lock(Caller caller, String uploadId) {
    String token = UUID.randomUUID().toString();
    long now = clock.millis();
    Optional<UploadRecord> locked =
        records.uploads().lock(uploadId, caller.userId(), token, now, now + LOCK_LEASE.toMillis());
    if (locked.isEmpty()) {
      find(caller, uploadId);
      throw lockedError();
    }
    if (!current(locked.get())) {
      unlock(uploadId, token);
      throw notFound();
    }
    return new Locked(locked.get(), token);
  }

  /** An upload as read under the lock {@code token} holds. */
  record Locked(UploadRecord upload, String token) {}

  /**
   * Keeps the lock {@code token} holds until the returned heartbeat is closed, however long the
   * work under it takes (a body, S3 parts, the probe, the provider). A lock it fails to renew is
   * lost: the work's own conditional writes then refuse to record anything.
   */
  AutoCloseable keepLocked(String uploadId, String token) {
    Thread heartbeat =
        Thread.ofVirtual()
            .name("upload-lock-" + uploadId)
            .start(
                () -> {
                  try {
                    while (true) {
                      Thread.sleep(LOCK_LEASE.dividedBy(3));
                      if (!records
                          .uploads()
                          .extendLock(uploadId, token, clock.millis() + LOCK_LEASE.toMillis())) {
                        return;
                      }
                    }
                  } catch (InterruptedException e) {
                    // closed: the work is done
                  } catch (RuntimeException e) {
                    // the records cannot be reached: the work's own writes fail the same way
                  }
                });
    return heartbeat::interrupt;
  }

  void unlock(String uploadId, String token) {
    records.uploads().unlock(uploadId, token);
  }

  /**
   * Removes the upload, as it is once its lock is taken, unless a request holds the lock; returns
   * whether it was removed (false too when it is gone already).
   */
  boolean removeUnlessLocked(UploadRecord upload) {
    String token = UUID.randomUUID().toString();
    long now = clock.millis();
    Optional<UploadRecord> locked =
        records
            .uploads()
            .lock(upload.uploadId(), upload.ownerUserId(), token, now, now + LOCK_LEASE.toMillis());
    locked.ifPresent(this::remove);
    return locked.isPresent();
  }

  /** Removes the upload: its record, and the bytes the spool holds of it. */
  void remove(UploadRecord upload) {
    records.uploads().delete(upload.uploadId());
    spool.discard(upload.uploadId(), held(upload));
    digests.forget(upload.uploadId());
  }

  /** Removes what the spool holds of uploads that have no record (a crash between the two). */
  void discardUnrecorded() {
    spool.discardUnless(uploadId -> records.uploads().find(uploadId).isPresent());
  }

  static Held held(UploadRecord upload) {
    return new Held(upload.receivedBytes(), upload.storeState());
  }

  /** Whether the upload is still there for its owner: finished, or unfinished and unexpired. */
  private boolean current(UploadRecord upload) {
    return upload.finished() || upload.expiresAt() > clock.millis();
  }

  private static LibraryException notFound() {
    return new LibraryException(Failure.UPLOAD_NOT_FOUND, "Upload not found.");
  }

  private static LibraryException lockedError() {
    return new LibraryException(
        Failure.UPLOAD_LOCKED, "Another request is appending to this upload; retry shortly.");
  }
}
