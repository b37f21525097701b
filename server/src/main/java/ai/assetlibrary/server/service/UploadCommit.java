package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedThumbnail;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaFacts;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.service.IdempotentUploads.IdempotentUpload;
import ai.assetlibrary.server.storage.BlobKeys;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.upload.IngestedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The commit of an upload, all or nothing: its file and thumbnail are committed to the blob store
 * first (complete there before anything names them), then one transaction checks the owner's quota,
 * records the asset, claims the Idempotency-Key and takes any step the caller adds; any failure
 * removes what was written.
 */
public final class UploadCommit {

  private static final String ACTIVE = "active";
  private static final String PROCESSING = "processing";

  private final RecordStore records;
  private final BlobStore blobs;
  private final AssetFiles files;
  private final IdempotentUploads idempotency;
  private final OptionalLong userQuotaBytes;
  private final Clock clock;

  public UploadCommit(
      RecordStore records,
      BlobStore blobs,
      AssetFiles files,
      IdempotentUploads idempotency,
      OptionalLong userQuotaBytes,
      Clock clock) {
    this.records = records;
    this.blobs = blobs;
    this.files = files;
    this.idempotency = idempotency;
    this.userQuotaBytes = userQuotaBytes;
    this.clock = clock;
  }

  /**
   * Stores bytes, thumbnail and record, all or nothing; in the record's transaction, checks the
   * owner's quota and claims the Idempotency-Key.
   */
  AssetRecord store(
      Caller caller,
      UploadTarget target,
      String name,
      IngestedFile file,
      AcceptedType type,
      MediaAnalysis analysis,
      Optional<IdempotentUpload> idempotent,
      CommitStep alsoInTransaction) {
    GroupRecord group = target.group();
    String assetId =
        target.legacyRoute() ? PublicIds.providerAssetId() : PublicIds.libraryAssetId();
    String storageKey = file.storageKey();
    Optional<EncodedThumbnail> thumbnail = analysis.thumbnail();
    String thumbnailKey =
        thumbnail.map(t -> BlobKeys.derived(storageKey, "_thumb", t.extension())).orElse(null);
    MediaFacts facts = analysis.facts();
    long now = clock.millis();
    AssetRecord row =
        new AssetRecord(
            0,
            assetId,
            group.tenantId(),
            group.ownerUserId(),
            group.id(),
            name == null ? assetId + "." + type.extension() : name,
            target.portrait() ? PROCESSING : ACTIVE,
            "UPLOAD",
            target.legacyRoute() ? "PROVIDER" : "UNIFIED",
            type.family().mediaType(),
            type.family().assetType(),
            type.mimeType(),
            type.extension(),
            file.size(),
            file.sha256(),
            storageKey,
            PublicIds.deliveryToken() + "." + type.extension(),
            file.originalFilename(),
            facts.width(),
            facts.height(),
            facts.durationSeconds(),
            facts.frameRate(),
            thumbnailKey,
            thumbnail.map(t -> PublicIds.deliveryToken() + "." + t.extension()).orElse(null),
            thumbnail.map(EncodedThumbnail::mimeType).orElse(null),
            thumbnail.map(t -> Sha256.hex(t.bytes())).orElse(null),
            group.retentionDays() == null
                ? null
                : now + Duration.ofDays(group.retentionDays()).toMillis(),
            null,
            target.portrait() ? group.providerGroupId() : null,
            null,
            null,
            now,
            now);
    List<String> written = new ArrayList<>();
    try {
      file.commit();
      written.add(storageKey);
      if (thumbnail.isPresent()) {
        writeBlob(thumbnailKey, thumbnail.get().bytes());
        written.add(thumbnailKey);
      }
      return records.inTransaction(
          tx -> {
            checkQuota(tx, group.ownerUserId(), file.size());
            long id = tx.assets().insert(row);
            idempotent.ifPresent(upload -> idempotency.claim(tx, caller, upload, id, now));
            AssetRecord stored = row.withId(id);
            alsoInTransaction.run(tx, stored);
            return stored;
          });
    } catch (IOException e) {
      written.forEach(files::remove);
      throw new UncheckedIOException("Storing " + storageKey + " failed", e);
    } catch (RuntimeException e) {
      written.forEach(files::remove);
      throw e;
    }
  }

  /**
   * Refuses an upload of {@code size} bytes that would take {@code ownerUserId} past the quota as
   * it stands now (the commit decides again, in its transaction).
   */
  void checkQuota(long ownerUserId, long size) {
    checkQuota(records, ownerUserId, size);
  }

  /** In the record's transaction {@code tx}: uploads for one owner decide one after the other. */
  private void checkQuota(RecordStore tx, long ownerUserId, long size) {
    if (userQuotaBytes.isEmpty()) {
      return;
    }
    long quota = userQuotaBytes.getAsLong();
    tx.accounts().lockUser(ownerUserId);
    long used = tx.assets().sumSizeOwnedBy(ownerUserId);
    if (used + size > quota) {
      throw new LibraryException(
          Failure.QUOTA_EXCEEDED,
          "This upload of "
              + size
              + " bytes would exceed the storage quota of "
              + quota
              + " bytes ("
              + used
              + " in use).",
          FailureDetails.quota(quota, used));
    }
  }

  private void writeBlob(String key, byte[] bytes) throws IOException {
    try (PendingBlob blob = blobs.create(key)) {
      blob.write(bytes, 0, bytes.length);
      blob.commit();
    }
  }
}
