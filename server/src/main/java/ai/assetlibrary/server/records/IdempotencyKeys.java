package ai.assetlibrary.server.records;

import java.util.Optional;

/** The Idempotency-Keys of uploads, per user. */
public interface IdempotencyKeys {

  Optional<IdempotencyKeyRecord> find(long userId, String key, long now);

  /**
   * Remembers the key unless the user holds it, unexpired, already (an expired one is replaced);
   * returns whether it was remembered.
   */
  boolean claim(
      long userId, String key, String fingerprint, long assetId, long now, long expiresAt);

  int deleteExpired(long now);
}
