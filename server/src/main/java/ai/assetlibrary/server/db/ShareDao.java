package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.ShareRecord;
import ai.assetlibrary.server.records.ShareRecords;
import ai.assetlibrary.server.records.ShareTarget;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Shares of assets and groups. */
@RegisterConstructorMapper(ShareRecord.class)
public interface ShareDao extends ShareRecords {

  String COLUMNS =
      """
      s.id, s.tenant_id, s.target_type, s.target_id, s.grantee_user_id,
      u.name AS grantee_name, s.permission, s.expires_at, s.created_at
      """;

  @SqlUpdate(
      """
      INSERT INTO shares (tenant_id, target_type, target_id, grantee_user_id, permission,
                          expires_at, created_at)
      VALUES (:tenantId, :targetType, :targetId, :userId, :permission, :expiresAt, :now)
      ON CONFLICT (target_type, target_id, grantee_user_id)
      DO UPDATE SET permission = excluded.permission, expires_at = excluded.expires_at,
                    created_at = excluded.created_at
      """)
  @Override
  void upsert(
      @Bind("tenantId") long tenantId,
      @Bind("targetType") String targetType,
      @Bind("targetId") long targetId,
      @Bind("userId") long granteeUserId,
      @Bind("permission") String permission,
      @Bind("expiresAt") Long expiresAt,
      @Bind("now") long now);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
          FROM shares s JOIN users u ON u.id = s.grantee_user_id
          WHERE s.target_type = :targetType AND s.target_id = :targetId
            AND s.grantee_user_id = :userId
          """)
  @Override
  Optional<ShareRecord> find(
      @Bind("targetType") String targetType,
      @Bind("targetId") long targetId,
      @Bind("userId") long granteeUserId);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
          FROM shares s JOIN users u ON u.id = s.grantee_user_id
          WHERE s.target_type = :targetType AND s.target_id = :targetId
            AND (s.expires_at IS NULL OR s.expires_at > :now)
          ORDER BY s.created_at, s.id
          """)
  @Override
  List<ShareRecord> listActive(
      @Bind("targetType") String targetType,
      @Bind("targetId") long targetId,
      @Bind("now") long now);

  @SqlUpdate(
      """
      DELETE FROM shares
      WHERE target_type = :targetType AND target_id = :targetId AND grantee_user_id = :userId
      """)
  @Override
  int delete(
      @Bind("targetType") String targetType,
      @Bind("targetId") long targetId,
      @Bind("userId") long granteeUserId);

  @SqlUpdate("DELETE FROM shares WHERE target_type = :targetType AND target_id IN (<ids>)")
  @Override
  void deleteAllOf(@Bind("targetType") String targetType, @BindList("ids") List<Long> targetIds);

  @SqlQuery(
      """
      SELECT DISTINCT target_type, target_id FROM shares
      WHERE expires_at IS NOT NULL AND expires_at <= :now
      """)
  @RegisterConstructorMapper(ShareTarget.class)
  @Override
  List<ShareTarget> findExpiredTargets(@Bind("now") long now);

  @SqlUpdate("DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at <= :now")
  @Override
  int deleteExpired(@Bind("now") long now);
}
