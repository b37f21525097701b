package ai.assetlibrary.server.auth;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: a key may send {@code burst} requests at once, then {@code
 * requestsPerMinute} spread over each minute. Buckets live in memory, one per key that was used.
 */
public final class RequestRateLimiter {

  private static final double MILLIS_PER_MINUTE = 60_000.0;

  private final OptionalLong requestsPerMinute;
  private final long burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RequestRateLimiter(OptionalLong requestsPerMinute, long burst, Clock clock) {
    this.requestsPerMinute = requestsPerMinute;
    this.burst = burst;
    this.clock = clock;
  }

  /** Takes one request from the key's bucket; throws 429 when it is empty. */
  public void acquire(String keyHash) {
    if (requestsPerMinute.isEmpty()) {
      return;
    }
    double perMilli = requestsPerMinute.getAsLong() / MILLIS_PER_MINUTE;
    long waitMillis =
        buckets.computeIfAbsent(keyHash, k -> new Bucket(burst, clock.millis())).take(perMilli);
    if (waitMillis > 0) {
      int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (waitMillis + 999) / 1000));
      throw new LibraryException(
          Failure.RATE_LIMITED,
          "Too many requests for this API key; retry in " + seconds + " s.",
          FailureDetails.retryAfterSeconds(seconds));
    }
  }

  /** The requests a key may still send, refilled as time passes. */
  private final class Bucket {
    private double tokens;
    private long updatedAt;

    private Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }

    /** 0 when a request was taken, otherwise the milliseconds until one can be. */
    synchronized long take(double perMilli) {
      long now = clock.millis();
      tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * perMilli);
      updatedAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perMilli);
    }
  }
}
