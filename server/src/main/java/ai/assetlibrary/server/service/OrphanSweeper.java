package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobEntry;
import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a crash can leave behind: partial bytes of interrupted writes, and blobs without a
 * record (stored just before a crash, or whose record was deleted just before one). A blob younger
 * than the grace period is left alone, since an upload in progress commits its bytes before it
 * inserts its record.
 */
public final class OrphanSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);
  private static final int BATCH = 500;

  private final RecordStore records;
  private final BlobStore blobs;
  private final AssetFiles files;
  private final Clock clock;

  public OrphanSweeper(RecordStore records, BlobStore blobs, AssetFiles files, Clock clock) {
    this.records = records;
    this.blobs = blobs;
    this.files = files;
    this.clock = clock;
  }

  /** What one sweep removed. */
  public record Swept(int abandonedWrites, int orphanBlobs) {}

  /** Sweeps the orphans older than {@code grace}, while uploads may be in flight. */
  public Swept sweep(Duration grace) {
    return sweepWrittenBy(Instant.ofEpochMilli(clock.millis()).minus(grace));
  }

  /**
   * Sweeps the orphans written no later than {@code cutoff}, in batches, while uploads may be in
   * flight: every blob written after it is spared, whatever its record's state.
   */
  public Swept sweepWrittenBy(Instant cutoff) {
    try {
      int abandoned = blobs.discardAbandonedWrites();
      int orphans = 0;
      try (Stream<BlobEntry> stored = blobs.list()) {
        List<String> batch = new ArrayList<>(BATCH);
        for (BlobEntry entry : (Iterable<BlobEntry>) stored::iterator) {
          if (!entry.lastModified().isAfter(cutoff)) {
            batch.add(entry.key());
          }
          if (batch.size() == BATCH) {
            orphans += removeUnrecorded(batch);
            batch.clear();
          }
        }
        orphans += removeUnrecorded(batch);
      }
      Swept swept = new Swept(abandoned, orphans);
      if (abandoned > 0 || orphans > 0) {
        LOG.warn("Removed {} interrupted writes and {} blobs without a record", abandoned, orphans);
      }
      return swept;
    } catch (IOException e) {
      throw new UncheckedIOException("Sweeping orphaned blobs failed", e);
    }
  }

  private int removeUnrecorded(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> recorded = new HashSet<>(records.assets().findStorageKeys(keys));
    int removed = 0;
    for (String key : keys) {
      if (!recorded.contains(key)) {
        files.remove(key);
        removed++;
      }
    }
    return removed;
  }
}
