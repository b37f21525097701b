package ai.assetlibrary.server.service;

import java.time.Duration;

/**
 * Counts completed runs of some work and lets a caller wait for a number of them: how shutdown and
 * tests learn that background work, or a request's clean-up, has happened.
 */
public final class RunCounter {

  private long runs;

  synchronized void ran() {
    runs++;
    notifyAll();
  }

  /** Waits until at least {@code count} runs have completed; false if the timeout passed first. */
  public synchronized boolean await(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (runs < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }
}
