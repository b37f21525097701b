package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background jobs so that, among every instance on one database, each job runs on one instance
 * at a time: the one that holds the job's lease in the records. The holder renews the lease while
 * the job runs, so a long run keeps it; an instance that dies stops renewing, and within {@link
 * #LEASE} another may take the job over.
 */
public final class ExclusiveJobs implements AutoCloseable {

  /** How long a lease lasts unless renewed. */
  public static final Duration LEASE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ExclusiveJobs.class);
  private static final Duration RENEWAL = LEASE.dividedBy(3);

  private final RecordStore records;
  private final Clock clock;
  private final String instance = UUID.randomUUID().toString();
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "job-lease-renewal");
            thread.setDaemon(true);
            return thread;
          });

  public ExclusiveJobs(RecordStore records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /** Runs {@code work} when this instance holds, or can take, {@code job}'s lease. */
  public boolean run(String job, Runnable work) {
    if (!acquire(job)) {
      return false;
    }
    ScheduledFuture<?> renewal =
        renewals.scheduleWithFixedDelay(
            () -> renew(job), RENEWAL.toMillis(), RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
    try {
      work.run();
      return true;
    } finally {
      renewal.cancel(false);
      records.jobLeases().release(job, instance, clock.millis());
    }
  }

  private boolean acquire(String job) {
    long now = clock.millis();
    return records.jobLeases().tryAcquire(job, instance, now, now + LEASE.toMillis());
  }

  private void renew(String job) {
    try {
      if (!acquire(job)) {
        LOG.warn("Lost the lease of the {} while running it", job);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not renew the lease of the {}", job, e);
    }
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
