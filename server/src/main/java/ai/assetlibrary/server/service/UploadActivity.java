package ai.assetlibrary.server.service;

import java.time.Duration;

/**
 * Counts uploads started and finished, and lets a caller wait until a number of them have finished
 * (successfully or not), to know that a request has been handled through to its clean-up.
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
}
