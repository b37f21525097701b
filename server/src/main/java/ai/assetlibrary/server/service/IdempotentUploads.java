package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.IdempotencyKeyRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.upload.IngestedFile;
import ai.assetlibrary.server.upload.UploadForm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Retries made safe by an Idempotency-Key: the same user sending the same content under a key they
 * used before gets that earlier asset; other content under it is refused (409). A key is claimed in
 * the transaction that records its asset, so of two racing requests one stores and the other
 * answers as its retry.
 */
public final class IdempotentUploads {

  private final RecordStore records;
  private final AssetService assets;
  private final Duration keyLifetime;
  private final Clock clock;

  public IdempotentUploads(
      RecordStore records, AssetService assets, Duration keyLifetime, Clock clock) {
    this.records = records;
    this.assets = assets;
    this.keyLifetime = keyLifetime;
    this.clock = clock;
  }

  /** An upload sent under an Idempotency-Key, with the digest of what was sent. */
  record IdempotentUpload(String key, String fingerprint) {}

  /** Another request claimed the same key between our look-up and our commit. */
  static final class KeyClaimedMeanwhile extends RuntimeException {
    KeyClaimedMeanwhile() {
      super(null, null, false, false);
    }
  }

  /** The key with the digest of what the form sent, when the request has a key and a file. */
  Optional<IdempotentUpload> of(Optional<String> key, UploadForm form) {
    return key.flatMap(k -> form.file().map(f -> new IdempotentUpload(k, fingerprint(form, f))));
  }

  /**
   * The asset the caller uploaded earlier under the same key, if any and unexpired; 409 when that
   * upload sent something else.
   */
  Optional<AssetView> earlier(Caller caller, IdempotentUpload upload) {
    Optional<IdempotencyKeyRecord> earlier =
        records.idempotencyKeys().find(caller.userId(), upload.key(), clock.millis());
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    if (!earlier.get().fingerprint().equals(upload.fingerprint())) {
      throw new LibraryException(
          Failure.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used for a different upload.",
          FailureDetails.field(UploadFields.IDEMPOTENCY_KEY));
    }
    return Optional.of(assets.get(caller, earlier.get().assetId()));
  }

  /** Claims the key for the asset, in its record's transaction {@code tx}. */
  void claim(RecordStore tx, Caller caller, IdempotentUpload upload, long assetId, long now) {
    boolean claimed =
        tx.idempotencyKeys()
            .claim(
                caller.userId(),
                upload.key(),
                upload.fingerprint(),
                assetId,
                now,
                now + keyLifetime.toMillis());
    if (!claimed) {
      throw new KeyClaimedMeanwhile();
    }
  }

  /** A digest of what the request sent: the file's bytes and name, and every form field. */
  private static String fingerprint(UploadForm form, IngestedFile file) {
    MessageDigest digest = Sha256.newDigest();
    Map<String, String> parts = new TreeMap<>(form.fields());
    parts.put("\0file", file.sha256());
    parts.put("\0filename", file.originalFilename() == null ? "" : file.originalFilename());
    parts.forEach(
        (name, value) -> {
          digest.update(name.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(value.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        });
    return Sha256.hex(digest);
  }
}
