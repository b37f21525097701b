package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the blobs of assets whose records are gone. Their keys are queued in the transaction that
 * deletes the records (delivery stops at once, and no delete can be forgotten), the blobs are
 * removed right after it commits, and a removal that fails stays queued: {@link #retryQueued} tries
 * it again, on every sweep, until it succeeds.
 */
public final class AssetFiles {

  private static final Logger LOG = LoggerFactory.getLogger(AssetFiles.class);
  private static final int BATCH = 500;

  private final RecordStore records;
  private final BlobStore blobs;
  private final Clock clock;

  public AssetFiles(RecordStore records, BlobStore blobs, Clock clock) {
    this.records = records;
    this.blobs = blobs;
    this.clock = clock;
  }

  /**
   * Runs {@code deleteRecords} (which deletes asset records and returns those it deleted) in one
   * transaction with the queueing of their blobs' removal, then removes the blobs. With the disk
   * full there is no room to queue anything, yet deleting is how room is made: the records are then
   * deleted alone and the blobs removed at once, any the store cannot remove left to the orphan
   * sweep.
   */
  List<AssetRecord> deleteWithBlobs(Function<RecordStore, List<AssetRecord>> deleteRecords) {
    Removal removal;
    try {
      removal =
          records.inTransaction(
              tx -> {
                Removal gone = deleteWithRenditions(tx, deleteRecords);
                long now = clock.millis();
                gone.keys().forEach(key -> tx.blobDeletions().enqueue(key, now));
                return gone;
              });
    } catch (LibraryException e) {
      if (e.failure() != Failure.STORAGE_FULL) {
        throw e;
      }
      removal = records.inTransaction(tx -> deleteWithRenditions(tx, deleteRecords));
      removal.keys().forEach(this::remove);
      return removal.assets();
    }
    removal.keys().forEach(this::removeQueuedKey);
    return removal.assets();
  }

  /** Deleted asset records and the keys of every blob they had: files, thumbnails, renditions. */
  private record Removal(List<AssetRecord> assets, List<String> keys) {}

  private static Removal deleteWithRenditions(
      RecordStore tx, Function<RecordStore, List<AssetRecord>> deleteRecords) {
    List<AssetRecord> gone = deleteRecords.apply(tx);
    List<String> keys = keys(gone);
    keys.addAll(tx.renditions().deleteOfAssets(gone.stream().map(AssetRecord::id).toList()));
    return new Removal(gone, keys);
  }

  /** Retries the oldest queued removals; returns how many blobs it removed. */
  public int retryQueued() {
    int removed = 0;
    for (String key : records.blobDeletions().next(BATCH)) {
      if (removeQueuedKey(key)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Removes a blob no record has (an orphan, or the bytes of an upload that failed); a failure is
   * logged, and the orphan sweep finds the blob again.
   */
  void remove(String storageKey) {
    try {
      blobs.delete(storageKey);
    } catch (IOException | LibraryException e) {
      LOG.warn("Could not remove blob {}: {}", storageKey, e.getMessage());
    }
  }

  private boolean removeQueuedKey(String key) {
    try {
      blobs.delete(key);
      records.blobDeletions().done(key);
      return true;
    } catch (IOException | LibraryException e) {
      LOG.warn("Could not remove blob {}; the sweep tries again: {}", key, e.getMessage());
      try {
        records.blobDeletions().failed(key, e.getMessage());
      } catch (LibraryException recordFailure) {
        LOG.warn("Could not count the failed removal of {}", key, recordFailure);
      }
      return false;
    }
  }

  private static List<String> keys(List<AssetRecord> assets) {
    List<String> keys = new ArrayList<>();
    for (AssetRecord asset : assets) {
      keys.add(asset.storageKey());
      if (asset.thumbnailStorageKey() != null) {
        keys.add(asset.thumbnailStorageKey());
      }
    }
    return keys;
  }
}
