package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.records.UploadRecords;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Resumable uploads: each lock is one conditional update, atomic on either database, committed
 * without waiting for the disk where the database allows it (a lock matters only while its holder
 * lives; what the holder records is durable).
 */
@RegisterConstructorMapper(UploadRecord.class)
public interface UploadDao extends UploadRecords, SqlObject {

  @SqlQuery(
      """
      INSERT INTO uploads (upload_id, tenant_id, owner_user_id, upload_length, received_bytes,
                           metadata, idempotency_key, fingerprint, created_at, updated_at,
                           expires_at)
      VALUES (:uploadId, :tenantId, :ownerUserId, :uploadLength, 0, :metadata, :idempotencyKey,
              :fingerprint, :createdAt, :updatedAt, :expiresAt)
      RETURNING id
      """)
  @Override
  long insert(@BindMethods UploadRecord upload);

  @SqlQuery("SELECT * FROM uploads WHERE upload_id = :uploadId")
  @Override
  Optional<UploadRecord> find(@Bind("uploadId") String uploadId);

  @SqlQuery("SELECT * FROM uploads WHERE owner_user_id = :owner AND idempotency_key = :key")
  @Override
  Optional<UploadRecord> findByIdempotencyKey(
      @Bind("owner") long ownerUserId, @Bind("key") String idempotencyKey);

  @Override
  default Optional<UploadRecord> lock(
      String uploadId, long ownerUserId, String token, long now, long until) {
    Handle handle = getHandle();
    return Dialect.of(handle)
        .withoutWaitingForDisk(
            handle,
            h ->
                h.createQuery(
                        """
                        UPDATE uploads SET lock_token = :token, locked_until = :until
                        WHERE upload_id = :uploadId AND owner_user_id = :owner
                          AND (lock_token IS NULL OR locked_until <= :now)
                        RETURNING *
                        """)
                    .bind("uploadId", uploadId)
                    .bind("owner", ownerUserId)
                    .bind("token", token)
                    .bind("now", now)
                    .bind("until", until)
                    .map(ConstructorMapper.of(UploadRecord.class))
                    .findOne());
  }

  @Override
  default boolean extendLock(String uploadId, String token, long until) {
    return lockWrite(
        "UPDATE uploads SET locked_until = :until WHERE upload_id = :uploadId AND lock_token = :token",
        update -> update.bind("uploadId", uploadId).bind("token", token).bind("until", until));
  }

  @Override
  default void unlock(String uploadId, String token) {
    lockWrite(
        """
        UPDATE uploads SET lock_token = NULL, locked_until = 0
        WHERE upload_id = :uploadId AND lock_token = :token
        """,
        update -> update.bind("uploadId", uploadId).bind("token", token));
  }

  /**
   * Runs one update of a lock, which only matters while its holder lives, without waiting for the
   * disk where the database allows it; returns whether it changed a row.
   */
  private boolean lockWrite(String sql, UnaryOperator<Update> binding) {
    Handle handle = getHandle();
    return Dialect.of(handle)
        .withoutWaitingForDisk(handle, h -> binding.apply(h.createUpdate(sql)).execute() == 1);
  }

  @SqlUpdate("UPDATE uploads SET lock_token = NULL, locked_until = 0 WHERE lock_token IS NOT NULL")
  @Override
  int unlockAll();

  @SqlUpdate(
      """
      UPDATE uploads SET received_bytes = :received, detected_type = :detectedType,
                         storage_key = :storageKey, store_state = :storeState, updated_at = :now,
                         lock_token = CASE WHEN :release THEN NULL ELSE lock_token END,
                         locked_until = CASE WHEN :release THEN 0 ELSE locked_until END
      WHERE upload_id = :uploadId AND lock_token = :token
      """)
  @Override
  boolean advance(
      @Bind("uploadId") String uploadId,
      @Bind("token") String token,
      @Bind("received") long receivedBytes,
      @Bind("detectedType") String detectedType,
      @Bind("storageKey") String storageKey,
      @Bind("storeState") String storeState,
      @Bind("now") long now,
      @Bind("release") boolean release);

  @SqlUpdate(
      """
      UPDATE uploads SET asset_id = :assetId, updated_at = :now, lock_token = NULL,
                         locked_until = 0
      WHERE upload_id = :uploadId AND asset_id IS NULL AND lock_token = :token
      """)
  @Override
  boolean finish(
      @Bind("uploadId") String uploadId,
      @Bind("assetId") String assetId,
      @Bind("token") String token,
      @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE uploads SET asset_id = NULL
      WHERE upload_id = :uploadId AND asset_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.asset_id = uploads.asset_id)
      """)
  @Override
  void reopenIfAssetGone(@Bind("uploadId") String uploadId);

  @SqlUpdate("DELETE FROM uploads WHERE upload_id = :uploadId")
  @Override
  void delete(@Bind("uploadId") String uploadId);

  @SqlQuery("SELECT count(*) FROM uploads WHERE owner_user_id = :owner AND asset_id IS NULL")
  @Override
  long countOpen(@Bind("owner") long ownerUserId);

  @SqlQuery(
      """
      SELECT coalesce(sum(upload_length), 0) FROM uploads
      WHERE owner_user_id = :owner AND asset_id IS NULL
      """)
  @Override
  long reservedBytes(@Bind("owner") long ownerUserId);

  @SqlQuery("SELECT * FROM uploads WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit")
  @Override
  List<UploadRecord> expired(@Bind("now") long now, @Bind("limit") int limit);
}
