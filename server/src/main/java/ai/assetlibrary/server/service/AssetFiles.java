package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

  /** Queues the removal of each asset's file and thumbnail, in {@code tx}, the records' delete. */
  void queue(RecordStore tx, List<AssetRecord> assets) {
    long now = clock.millis();
    keys(assets).forEach(key -> tx.blobDeletions().enqueue(key, now));
  }

  /** Removes the blobs of assets whose removal {@link #queue} queued and whose delete committed. */
  void removeQueued(List<AssetRecord> assets) {
    keys(assets).forEach(this::removeQueuedKey);
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
