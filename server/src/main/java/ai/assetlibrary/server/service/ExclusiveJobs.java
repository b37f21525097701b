package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs background jobs so that, among every instance on one database, each job runs on one instance
 * at a time: the one that holds the job's lease in the records. A lease outlives an instance that
 * dies while holding it by {@link #LEASE} at most; after that another takes over.
 */
public final class ExclusiveJobs {

  /** How long a run may take before another instance may start the same job. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  private final RecordStore records;
  private final Clock clock;
  private final String instance = UUID.randomUUID().toString();

  public ExclusiveJobs(RecordStore records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /** Runs {@code work} when this instance holds, or can take, {@code job}'s lease. */
  public boolean run(String job, Runnable work) {
    long now = clock.millis();
    if (!records.jobLeases().tryAcquire(job, instance, now, now + LEASE.toMillis())) {
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      records.jobLeases().release(job, instance, clock.millis());
    }
  }
}
