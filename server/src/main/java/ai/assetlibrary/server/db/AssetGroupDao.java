package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.GroupAccessRecord;
import ai.assetlibrary.server.records.GroupFilter;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.GroupRecords;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Asset groups, and the groups a caller may see. */
@RegisterConstructorMapper(GroupRecord.class)
@RegisterRowMapper(AccessMappers.GroupAccess.class)
public interface AssetGroupDao extends GroupRecords {

  /** The columns of a {@link GroupAccessRecord} but its asset count. */
  String ACCESS_COLUMNS =
      """
      SELECT g.*, u.name AS owner_name, s.permission AS share_permission,
             s.expires_at AS share_expires_at,
      """;

  /** A group's live assets: its tallies, less those expired and not yet swept away. */
  String ASSET_COUNT =
      """
      (SELECT coalesce(sum(t.asset_count), 0) FROM asset_tallies t WHERE t.group_id = g.id)
        - (SELECT count(*) FROM assets a WHERE a.group_id = g.id
             AND a.expires_at IS NOT NULL AND a.expires_at <= :now) AS asset_count
      """;

  /**
   * Groups visible to :userId of :tenantId at :now: their own, and others' shared with them. The
   * default group's public id {@code library} only ever names the caller's own.
   */
  String VISIBLE_FROM =
      """
      FROM asset_groups g
      JOIN users u ON u.id = g.owner_user_id
      LEFT JOIN shares s ON s.target_type = 'GROUP' AND s.target_id = g.id
          AND s.grantee_user_id = :userId AND (s.expires_at IS NULL OR s.expires_at > :now)
      WHERE g.tenant_id = :tenantId
        AND (g.owner_user_id = :userId OR (s.id IS NOT NULL AND NOT g.is_default))
      """;

  String VISIBLE = ACCESS_COLUMNS + ASSET_COUNT + VISIBLE_FROM;

  /** The visible group named :publicId; {@code library} is the caller's own default group. */
  String BY_PUBLIC_ID =
      """
        AND g.public_id = :publicId
        AND (NOT g.is_default OR g.owner_user_id = :userId)
      """;

  /** The list filters of {@link GroupFilter}. */
  String FILTERS =
      """
        AND (:keyword IS NULL OR g.public_id = :keyword OR lower(g.name) LIKE :namePattern ESCAPE '!')
        AND (:groupKind IS NULL OR g.group_kind = :groupKind)
        AND (:status IS NULL OR g.status = :status)
        AND (NOT :ownedOnly OR g.owner_user_id = :userId)
        AND (:createdBy IS NULL OR u.name = :createdBy)
      """;

  @SqlUpdate(
      """
      INSERT INTO asset_groups (public_id, tenant_id, owner_user_id, name, group_kind, status,
                                is_default, created_at, updated_at)
      VALUES (:publicId, :tenantId, :ownerUserId, :name, :kind, 'active', TRUE, :now, :now)
      """)
  @Override
  void insertDefault(
      @Bind("publicId") String publicId,
      @Bind("tenantId") long tenantId,
      @Bind("ownerUserId") long ownerUserId,
      @Bind("name") String name,
      @Bind("kind") String groupKind,
      @Bind("now") long now);

  @SqlQuery(
      """
      INSERT INTO asset_groups (public_id, tenant_id, owner_user_id, name, group_kind, status,
                                is_default, legacy_id, provider_group_id, description,
                                retention_days, byted_token, callback_token, h5_link,
                                h5_link_expires_at, created_at, updated_at)
      VALUES (:publicId, :tenantId, :ownerUserId, :name, :groupKind, :status, FALSE, :legacyId,
              :providerGroupId, :description, :retentionDays, :bytedToken, :callbackToken,
              :h5Link, :h5LinkExpiresAt, :createdAt, :updatedAt)
      RETURNING id
      """)
  @Override
  long insert(@BindMethods GroupRecord row);

  @SqlQuery("SELECT * FROM asset_groups WHERE owner_user_id = :userId AND public_id = :id")
  @Override
  Optional<GroupRecord> findOwned(@Bind("userId") long ownerUserId, @Bind("id") String publicId);

  @SqlQuery(VISIBLE + BY_PUBLIC_ID)
  @Override
  Optional<GroupAccessRecord> findVisible(
      @Bind("tenantId") long tenantId,
      @Bind("userId") long userId,
      @Bind("now") long now,
      @Bind("publicId") String publicId);

  @SqlQuery(ACCESS_COLUMNS + "0 AS asset_count " + VISIBLE_FROM + BY_PUBLIC_ID)
  @Override
  Optional<GroupAccessRecord> findVisibleUncounted(
      @Bind("tenantId") long tenantId,
      @Bind("userId") long userId,
      @Bind("now") long now,
      @Bind("publicId") String publicId);

  /** After a cursor's position: the rest of the list in its order. */
  String AFTER =
      """
        AND (:afterId IS NULL OR g.is_default < :afterDefault
             OR (g.is_default = :afterDefault AND (g.created_at < :afterCreatedAt
                 OR (g.created_at = :afterCreatedAt AND g.id < :afterId))))
      """;

  @SqlQuery(
      VISIBLE
          + FILTERS
          + AFTER
          + " ORDER BY g.is_default DESC, g.created_at DESC, g.id DESC LIMIT :limit OFFSET :offset")
  @Override
  List<GroupAccessRecord> listVisible(@BindMethods GroupFilter filter);

  @SqlQuery("SELECT count(*) FROM (" + VISIBLE + FILTERS + ") AS visible")
  @Override
  long countVisible(@BindMethods GroupFilter filter);

  @SqlUpdate(
      """
      UPDATE asset_groups
      SET name = :name, description = :description, retention_days = :retentionDays,
          updated_at = :updatedAt
      WHERE id = :id
      """)
  @Override
  void update(@BindMethods GroupRecord row);

  @SqlQuery("SELECT * FROM asset_groups WHERE legacy_id = :legacyId")
  @Override
  Optional<GroupRecord> findByLegacyId(@Bind("legacyId") long legacyId);

  @SqlQuery("SELECT * FROM asset_groups WHERE callback_token = :token")
  @Override
  Optional<GroupRecord> findByCallbackToken(@Bind("token") String callbackToken);

  @SqlQuery(
      "SELECT * FROM asset_groups WHERE status = 'pending_validation' AND byted_token IS NOT NULL"
          + " ORDER BY updated_at, id LIMIT :limit")
  @Override
  List<GroupRecord> findPendingValidation(@Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE asset_groups
      SET status = 'active', provider_group_id = :providerGroupId, h5_link = NULL,
          h5_link_expires_at = NULL, updated_at = :now
      WHERE id = :id AND status = 'pending_validation'
      """)
  @Override
  boolean activate(
      @Bind("id") long id, @Bind("providerGroupId") String providerGroupId, @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE asset_groups
      SET byted_token = :bytedToken, h5_link = :h5Link, h5_link_expires_at = :expiresAt,
          updated_at = :now
      WHERE id = :id
      """)
  @Override
  void updateVerification(
      @Bind("id") long id,
      @Bind("bytedToken") String bytedToken,
      @Bind("h5Link") String h5Link,
      @Bind("expiresAt") long expiresAt,
      @Bind("now") long now);

  @SqlUpdate("UPDATE asset_groups SET updated_at = :now WHERE id = :id")
  @Override
  void touch(@Bind("id") long id, @Bind("now") long now);

  @SqlUpdate("DELETE FROM asset_groups WHERE id = :id")
  @Override
  void delete(@Bind("id") long id);
}
