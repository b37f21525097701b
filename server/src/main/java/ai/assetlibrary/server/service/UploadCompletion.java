package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.storage.BlobKeys;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.storage.UploadSpool.Held;
import ai.assetlibrary.server.upload.IngestedFile;
import ai.assetlibrary.server.upload.UploadForm;
import ai.assetlibrary.server.upload.UploadMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A resumable upload whose bytes have all arrived becomes its asset, through the same steps as a
 * multipart upload's file; the transaction that records the asset also marks the upload finished. A
 * refusal (a corrupt file, a model's limit, a group that no longer takes it) removes the upload; a
 * failure worth retrying (a database or bucket out of reach) keeps every byte for the next try.
 */
final class UploadCompletion {

  private static final Set<Failure> WORTH_RETRYING =
      Set.of(
          Failure.DATABASE_UNAVAILABLE,
          Failure.STORAGE_UNAVAILABLE,
          Failure.STORAGE_FULL,
          Failure.PROVIDER_UNAVAILABLE,
          Failure.UPLOAD_LOCKED);

  private final RecordStore records;
  private final UploadService uploads;
  private final UploadSpool spool;
  private final UploadDigests digests;
  private final OwnedUploads owned;
  private final AssetMetrics metrics;
  private final Clock clock;

  UploadCompletion(
      RecordStore records,
      UploadService uploads,
      UploadSpool spool,
      UploadDigests digests,
      OwnedUploads owned,
      AssetMetrics metrics,
      Clock clock) {
    this.records = records;
    this.uploads = uploads;
    this.spool = spool;
    this.digests = digests;
    this.owned = owned;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Stores the asset of {@code upload}, whose bytes have all arrived, for its creator {@code
   * caller}, under the upload's lock {@code token}; {@code digest} covers them all when it is known
   * here. Each attempt writes a blob key of its own, so an attempt that fails removes only what it
   * wrote.
   */
  AssetView finish(
      Caller caller, UploadRecord upload, String token, Optional<MessageDigest> digest) {
    Held held = OwnedUploads.held(upload);
    UploadMetadata metadata = UploadMetadata.parse(upload.metadata());
    AcceptedType type = AcceptedType.of(upload.detectedType()).orElseThrow();
    String key = BlobKeys.newKey(type.extension());
    try (PendingBlob blob = spool.finish(upload.uploadId(), held, key)) {
      IngestedFile file =
          new IngestedFile(
              metadata.filename().orElse(null),
              upload.uploadLength(),
              digest.map(Sha256::hex).orElseGet(() -> hashed(blob)),
              upload.detectedType(),
              Optional.of(type),
              Optional.of(blob));
      AssetView asset =
          uploads
              .store(
                  caller,
                  new UploadForm(metadata.fields(), Optional.of(file)),
                  Optional.empty(),
                  (tx, row) -> {
                    if (!tx.uploads()
                        .finish(upload.uploadId(), row.assetId(), token, clock.millis())) {
                      throw new LibraryException(
                          Failure.UPLOAD_LOCKED,
                          "Another request took over this upload; retry shortly.");
                    }
                  })
              .asset();
      spool.discard(upload.uploadId(), held);
      digests.forget(upload.uploadId());
      metrics.resumableUpload("finished");
      return asset;
    } catch (LibraryException e) {
      if (WORTH_RETRYING.contains(e.failure())) {
        // The asset may have been recorded and then removed again (a provider out of reach): the
        // upload is to be finished once more then.
        records.uploads().reopenIfAssetGone(upload.uploadId());
      } else {
        owned.remove(upload);
        metrics.resumableUpload("refused");
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Finishing upload " + upload.uploadId() + " failed", e);
    }
  }

  /** The SHA-256 of a blob's bytes, read from its local file. */
  private static String hashed(PendingBlob blob) {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(blob.stagingFile())) {
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + blob.stagingFile() + " failed", e);
    }
    return Sha256.hex(digest);
  }
}
