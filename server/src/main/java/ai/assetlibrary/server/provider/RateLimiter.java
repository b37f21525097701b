package ai.assetlibrary.server.provider;

import java.time.Duration;

/** Spaces calls evenly so that no more than a given number start in any second. */
final class RateLimiter {

  private final long intervalNanos;
  private long nextFree = System.nanoTime();

  RateLimiter(double permitsPerSecond) {
    this.intervalNanos = (long) (1_000_000_000L / permitsPerSecond);
  }

  /** Blocks until the caller may start its call. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long start = Math.max(now, nextFree);
      nextFree = start + intervalNanos;
      wait = start - now;
    }
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait).toMillis(), (int) (wait % 1_000_000));
    }
  }
}
