package ai.assetlibrary.server;

import ai.assetlibrary.server.service.ExclusiveJobs;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's background jobs: run on a thread of their own, each on one instance at a time
 * ({@link ExclusiveJobs}), a failure logged and left for the job's next turn.
 */
final class BackgroundWork implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final ExclusiveJobs jobs;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread background = new Thread(task, "background");
            background.setDaemon(true);
            return background;
          });

  BackgroundWork(ExclusiveJobs jobs) {
    this.jobs = jobs;
  }

  /** Runs {@code job} every {@code interval}, the first time one interval from now. */
  void every(Duration interval, String job, Runnable work) {
    thread.scheduleWithFixedDelay(
        () -> run(job, work), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code job} soon, on the background thread. */
  void soon(String job, Runnable work) {
    thread.execute(() -> run(job, work));
  }

  /**
   * Runs {@code job} soon, on the background thread; the answer completes once it has run, failed,
   * or been left to the instance that holds its lease.
   */
  CompletableFuture<Void> once(String job, Runnable work) {
    return CompletableFuture.runAsync(() -> run(job, work), thread);
  }

  /** Runs {@code job} now, on the caller's thread. */
  void run(String job, Runnable work) {
    try {
      jobs.run(job, work);
    } catch (RuntimeException e) {
      LOG.error("The {} failed; it runs again at its next turn", job, e);
    }
  }

  /** Stops the jobs, waiting for one in progress. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Background work did not stop within {}", SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      jobs.close();
    }
  }
}
