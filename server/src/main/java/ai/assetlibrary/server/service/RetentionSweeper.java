package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired assets (record, shares, bytes, thumbnail), expired shares and expired upload
 * idempotency keys. Expired things are already invisible to every request; the sweep reclaims their
 * storage.
 */
public final class RetentionSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
  private static final int BATCH = 500;

  private final RecordStore records;
  private final AssetFiles files;
  private final ShareService shares;
  private final Clock clock;
  private final RunCounter sweeps = new RunCounter();

  public RetentionSweeper(RecordStore records, AssetFiles files, ShareService shares, Clock clock) {
    this.records = records;
    this.files = files;
    this.shares = shares;
    this.clock = clock;
  }

  /** Sweeps everything expired by now; returns how many assets were deleted. */
  public int sweep() {
    long now = clock.millis();
    int deleted = 0;
    List<AssetRecord> expired;
    do {
      expired = records.assets().findExpired(now, BATCH);
      if (!expired.isEmpty()) {
        List<AssetRecord> batch = expired;
        List<Long> ids = batch.stream().map(AssetRecord::id).toList();
        files.deleteWithBlobs(
            tx -> {
              tx.shares().deleteAllOf(ShareService.ASSET, ids);
              tx.assets().deleteAll(ids);
              return batch;
            });
        deleted += expired.size();
      }
    } while (expired.size() == BATCH);
    int expiredShares = shares.deleteExpired();
    records.idempotencyKeys().deleteExpired(now);
    if (deleted > 0 || expiredShares > 0) {
      LOG.info(
          "Retention sweep removed {} expired assets and {} expired shares",
          deleted,
          expiredShares);
    }
    sweeps.ran();
    return deleted;
  }

  /** Completed sweeps, to wait for. */
  public RunCounter sweeps() {
    return sweeps;
  }
}
