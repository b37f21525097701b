package ai.assetlibrary.server.service;

import java.time.Duration;

/**
 * What resumable uploads may hold: {@code ASSETS_UPLOAD_EXPIRY_HOURS}, {@code
 * ASSETS_UPLOAD_MAX_OPEN}, {@code ASSETS_UPLOAD_MAX_RESERVED_BYTES}.
 *
 * @param expiry how long an upload may take to finish, from its creation
 * @param maxOpenPerUser unfinished uploads one user may hold at once
 * @param maxReservedBytesPerUser the declared lengths of one user's unfinished uploads, together
 */
public record ResumableLimits(Duration expiry, int maxOpenPerUser, long maxReservedBytesPerUser) {

  public static final long DEFAULT_EXPIRY_HOURS = 24L;
  public static final int DEFAULT_MAX_OPEN = 20;
  public static final long DEFAULT_MAX_RESERVED_BYTES = 10L << 30;
}
