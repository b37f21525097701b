package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.service.UploadAppender.Outcome;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.upload.FormConstraints;
import ai.assetlibrary.server.upload.UploadForm;
import ai.assetlibrary.server.upload.UploadMetadata;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The rules of resumable uploads (tus and the IETF draft, whose wire forms the HTTP edge handles):
 * start one, after the checks {@code POST /v1/assets} makes and that can be made before the bytes,
 * and the limits on unfinished uploads; say how far it got; append to it; give it up; answer its
 * asset once it is finished.
 */
public final class ResumableUploads {

  private static final int SWEEP_BATCH = 100;

  private final RecordStore records;
  private final FormConstraints constraints;
  private final UploadTargets targets;
  private final UploadCommit commit;
  private final AssetService assets;
  private final OwnedUploads owned;
  private final UploadAppender appender;
  private final ResumableLimits limits;
  private final long maxFileBytes;
  private final AssetMetrics metrics;
  private final Clock clock;

  public ResumableUploads(
      RecordStore records,
      UploadSpool spool,
      MediaTypeDetector detector,
      FormConstraints constraints,
      UploadTargets targets,
      UploadCommit commit,
      UploadService uploads,
      AssetService assets,
      ResumableLimits limits,
      long maxFileBytes,
      AssetMetrics metrics,
      Clock clock) {
    this.records = records;
    this.constraints = constraints;
    this.targets = targets;
    this.commit = commit;
    this.assets = assets;
    UploadDigests digests = new UploadDigests();
    this.owned = new OwnedUploads(records, spool, digests, clock);
    UploadCompletion completion =
        new UploadCompletion(records, uploads, spool, digests, owned, metrics, clock);
    this.appender =
        new UploadAppender(records, spool, detector, digests, owned, completion, metrics, clock);
    this.metrics = metrics;
    this.limits = limits;
    this.maxFileBytes = maxFileBytes;
    this.clock = clock;
  }

  /** A new upload as the client declares it: the file's size, its metadata, a retry key. */
  public record NewUpload(long length, String metadata, Optional<String> idempotencyKey) {}

  /**
   * Where an upload stands. {@code assetId} is present once it is finished; {@code asset} when the
   * request that asked also finished it, or asked for the finished asset.
   */
  public record UploadState(
      String uploadId,
      long offset,
      long length,
      String metadata,
      long expiresAt,
      Optional<String> assetId,
      Optional<AssetView> asset) {

    static UploadState of(UploadRecord upload, Optional<AssetView> asset) {
      return new UploadState(
          upload.uploadId(),
          upload.receivedBytes(),
          upload.uploadLength(),
          upload.metadata(),
          upload.expiresAt(),
          Optional.ofNullable(upload.assetId()),
          asset);
    }
  }

  /**
   * Starts an upload, then appends {@code firstBytes} when the request brought some; a retry under
   * the same {@code Idempotency-Key} answers the upload the first request started.
   */
  public UploadState create(
      Caller caller,
      NewUpload request,
      Optional<byte[]> checksum,
      Optional<InputStream> firstBytes) {
    if (request.length() == 0) {
      throw new LibraryException(Failure.FILE_EMPTY, "The uploaded file is empty.");
    }
    if (request.length() > maxFileBytes) {
      throw LibraryException.fileTooLarge(maxFileBytes);
    }
    UploadMetadata metadata = UploadMetadata.parse(request.metadata());
    UploadForm form = new UploadForm(metadata.fields(), Optional.empty());
    constraints.check(form);
    String fingerprint = fingerprint(request);
    if (request.idempotencyKey().isPresent()) {
      Optional<UploadRecord> earlier =
          records.uploads().findByIdempotencyKey(caller.userId(), request.idempotencyKey().get());
      if (earlier.isPresent()
          && !earlier.get().finished()
          && earlier.get().expiresAt() <= clock.millis()) {
        // Expired, not swept yet: the key is free again.
        owned.removeUnlessLocked(earlier.get());
        earlier = Optional.empty();
      }
      if (earlier.isPresent()) {
        if (!earlier.get().fingerprint().equals(fingerprint)) {
          throw new LibraryException(
              Failure.IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was already used for a different upload.",
              FailureDetails.field(UploadFields.IDEMPOTENCY_KEY));
        }
        return UploadState.of(earlier.get(), Optional.empty());
      }
    }
    UploadTarget target = targets.resolve(caller, form);
    commit.checkQuota(target.group().ownerUserId(), request.length());
    checkLimits(caller, request.length());
    long now = clock.millis();
    UploadRecord upload =
        new UploadRecord(
            0,
            PublicIds.uploadId(),
            caller.tenantId(),
            caller.userId(),
            request.length(),
            0,
            request.metadata(),
            null,
            null,
            null,
            request.idempotencyKey().orElse(null),
            fingerprint,
            null,
            0,
            null,
            now,
            now,
            now + limits.expiry().toMillis());
    records.uploads().insert(upload);
    metrics.resumableUpload("created");
    if (firstBytes.isEmpty()) {
      return UploadState.of(upload, Optional.empty());
    }
    try {
      return append(caller, upload.uploadId(), 0, checksum, firstBytes.get());
    } catch (RuntimeException e) {
      // Its creator never learnt its URL, unless a retry under the key finds it: without a key,
      // nobody can continue it, so it does not linger against the user's limits.
      if (request.idempotencyKey().isEmpty()) {
        owned.removeUnlessLocked(upload);
      }
      throw e;
    }
  }

  /** How far the caller's upload got; 423 while a request is appending to it. */
  public UploadState progress(Caller caller, String uploadId) {
    UploadRecord upload = owned.find(caller, uploadId);
    if (owned.locked(upload)) {
      throw new LibraryException(
          Failure.UPLOAD_LOCKED, "Another request is appending to this upload; retry shortly.");
    }
    return UploadState.of(upload, Optional.empty());
  }

  /** Appends {@code body} at {@code offset}; see {@link UploadAppender}. */
  public UploadState append(
      Caller caller, String uploadId, long offset, Optional<byte[]> checksum, InputStream body) {
    Outcome outcome = appender.append(caller, uploadId, offset, checksum, body);
    return UploadState.of(outcome.upload(), outcome.asset());
  }

  /** Gives up the caller's upload with every byte it holds; a finished one's asset stays. */
  public void terminate(Caller caller, String uploadId) {
    UploadRecord upload = owned.find(caller, uploadId);
    if (!owned.removeUnlessLocked(upload)) {
      throw new LibraryException(
          Failure.UPLOAD_LOCKED, "Another request is appending to this upload; retry shortly.");
    }
    if (!upload.finished()) {
      metrics.resumableUpload("terminated");
    }
  }

  /**
   * The caller's upload with its asset once finished; one whose bytes have all arrived but whose
   * asset could not be stored yet (a database out of reach, say) is finished now.
   */
  public UploadState result(Caller caller, String uploadId) {
    UploadRecord upload = owned.find(caller, uploadId);
    if (upload.finished()) {
      return UploadState.of(upload, Optional.of(assets.get(caller, upload.assetId())));
    }
    if (!upload.allReceived()) {
      return UploadState.of(upload, Optional.empty());
    }
    return append(
        caller, uploadId, upload.receivedBytes(), Optional.empty(), InputStream.nullInputStream());
  }

  /**
   * Removes the uploads past their expiry (the unfinished ones with every byte they hold; the
   * finished ones' assets stay), except one a request is appending to right now, and whatever the
   * spool holds of an upload that has no record. Returns how many uploads went.
   */
  public int sweepExpired() {
    int removed = 0;
    int removedNow;
    List<UploadRecord> expired;
    do {
      removedNow = 0;
      expired = records.uploads().expired(clock.millis(), SWEEP_BATCH);
      for (UploadRecord upload : expired) {
        if (owned.removeUnlessLocked(upload)) {
          removedNow++;
          if (!upload.finished()) {
            metrics.resumableUpload("expired");
          }
        }
      }
      removed += removedNow;
    } while (expired.size() == SWEEP_BATCH && removedNow > 0);
    owned.discardUnrecorded();
    return removed;
  }

  /** Appends that took their upload's lock so far: to wait for in tests. */
  public RunCounter appendsStarted() {
    return appender.locked();
  }

  /** Appends answered so far, refused ones included: to wait for in tests. */
  public RunCounter appendsAnswered() {
    return appender.answered();
  }

  private void checkLimits(Caller caller, long length) {
    long open = records.uploads().countOpen(caller.userId());
    if (open >= limits.maxOpenPerUser()) {
      throw new LibraryException(
          Failure.UPLOAD_OPEN_LIMIT_EXCEEDED,
          "You already have " + open + " unfinished uploads; finish or terminate one first.",
          FailureDetails.limit(Integer.toString(limits.maxOpenPerUser())));
    }
    long reserved = records.uploads().reservedBytes(caller.userId());
    if (reserved + length > limits.maxReservedBytesPerUser()) {
      throw new LibraryException(
          Failure.UPLOAD_RESERVED_BYTES_EXCEEDED,
          "Your unfinished uploads would reserve more than "
              + limits.maxReservedBytesPerUser()
              + " bytes; finish or terminate some first.",
          FailureDetails.quota(limits.maxReservedBytesPerUser(), reserved));
    }
  }

  /** What a creation request declared, to tell a retry from another upload under its key. */
  private static String fingerprint(NewUpload request) {
    String declared =
        request.length() + "\0" + (request.metadata() == null ? "" : request.metadata());
    return Sha256.hex(declared.getBytes(StandardCharsets.UTF_8));
  }
}
