package ai.assetlibrary.server.service;

import java.time.Duration;

/**
 * Counts uploads in flight and finished, and lets a caller wait for uploads to finish: shutdown
 * drains in-flight uploads this way, and tests use it to know a request has been fully handled.
 */
public final class UploadActivity {

  private long started;
  private long finished;

  synchronized void started() {
    started++;
  }

  synchronized void finished() {
    finished++;
    notifyAll();
  }

  public synchronized long inFlight() {
    return started - finished;
  }

  public synchronized long finishedCount() {
    return finished;
  }

  /**
   * Waits until at least {@code count} uploads have finished; false if the timeout passed first.
   */
  public synchronized boolean awaitFinished(long count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (finished < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }

  /** Waits until no upload is in flight; false if the timeout passed first. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (started > finished) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }
}
