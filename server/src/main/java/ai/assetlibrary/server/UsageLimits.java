package ai.assetlibrary.server;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What one API key or user may use: {@code ASSETS_RATE_LIMIT_*}, {@code ASSETS_USER_QUOTA_BYTES},
 * {@code ASSETS_IDEMPOTENCY_KEY_HOURS}.
 *
 * @param requestsPerMinute sustained requests one API key may send; empty for no limit
 * @param burst requests one API key may send at once before the sustained rate applies
 * @param userQuotaBytes bytes of files one user may store; empty for no quota
 * @param idempotencyKeyTtl how long an upload's {@code Idempotency-Key} is remembered
 */
public record UsageLimits(
    OptionalLong requestsPerMinute,
    long burst,
    OptionalLong userQuotaBytes,
    Duration idempotencyKeyTtl) {

  public static final long DEFAULT_REQUESTS_PER_MINUTE = 12_000L;
  public static final long DEFAULT_BURST = 400L;
  public static final long DEFAULT_IDEMPOTENCY_KEY_HOURS = 24L;
}
