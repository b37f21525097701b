package ai.assetlibrary.server.service;

import ai.assetlibrary.server.db.AssetDao;
import ai.assetlibrary.server.db.AssetRow;
import ai.assetlibrary.server.db.IdempotencyKeyDao;
import ai.assetlibrary.server.db.ShareDao;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
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

  private final Jdbi jdbi;
  private final AssetFiles files;
  private final ShareService shares;
  private final Clock clock;
  private final RunCounter sweeps = new RunCounter();

  public RetentionSweeper(Jdbi jdbi, AssetFiles files, ShareService shares, Clock clock) {
    this.jdbi = jdbi;
    this.files = files;
    this.shares = shares;
    this.clock = clock;
  }

  /** Sweeps everything expired by now; returns how many assets were deleted. */
  public int sweep() {
    long now = clock.millis();
    int deleted = 0;
    List<AssetRow> expired;
    do {
      expired = jdbi.onDemand(AssetDao.class).findExpired(now, BATCH);
      if (!expired.isEmpty()) {
        List<Long> ids = expired.stream().map(AssetRow::id).toList();
        jdbi.useTransaction(
            handle -> {
              handle.attach(ShareDao.class).deleteAllOf(ShareService.ASSET, ids);
              handle.attach(AssetDao.class).deleteAll(ids);
            });
        files.removeAll(expired);
        deleted += expired.size();
      }
    } while (expired.size() == BATCH);
    int expiredShares = shares.deleteExpired();
    jdbi.onDemand(IdempotencyKeyDao.class).deleteExpired(now);
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
