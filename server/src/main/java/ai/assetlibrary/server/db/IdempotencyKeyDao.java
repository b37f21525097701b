package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.IdempotencyKeyRecord;
import ai.assetlibrary.server.records.IdempotencyKeys;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Idempotency keys of uploads, per user. */
@RegisterConstructorMapper(IdempotencyKeyRecord.class)
public interface IdempotencyKeyDao extends IdempotencyKeys {

  @SqlQuery(
      """
      SELECT k.fingerprint, a.asset_id
      FROM idempotency_keys k JOIN assets a ON a.id = k.asset_id
      WHERE k.user_id = :userId AND k.idempotency_key = :key AND k.expires_at > :now
      """)
  @Override
  Optional<IdempotencyKeyRecord> find(
      @Bind("userId") long userId, @Bind("key") String key, @Bind("now") long now);

  @SqlUpdate(
      """
      INSERT INTO idempotency_keys
          (user_id, idempotency_key, fingerprint, asset_id, created_at, expires_at)
      VALUES (:userId, :key, :fingerprint, :assetId, :now, :expiresAt)
      ON CONFLICT (user_id, idempotency_key) DO UPDATE SET
          fingerprint = excluded.fingerprint,
          asset_id = excluded.asset_id,
          created_at = excluded.created_at,
          expires_at = excluded.expires_at
      WHERE idempotency_keys.expires_at <= excluded.created_at
      """)
  @Override
  boolean claim(
      @Bind("userId") long userId,
      @Bind("key") String key,
      @Bind("fingerprint") String fingerprint,
      @Bind("assetId") long assetId,
      @Bind("now") long now,
      @Bind("expiresAt") long expiresAt);

  @SqlUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now")
  @Override
  int deleteExpired(@Bind("now") long now);
}
