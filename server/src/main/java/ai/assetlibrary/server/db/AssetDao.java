package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetFilter;
import ai.assetlibrary.server.records.AssetPage;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.AssetRecords;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Assets, and the assets a caller may see. */
@RegisterConstructorMapper(AssetRecord.class)
@RegisterRowMapper(AccessMappers.AssetAccess.class)
public interface AssetDao extends AssetRecords, SqlObject {

  /** Assets visible to :userId of :tenantId at :now, with the caller's shares of them. */
  String VISIBLE =
      """
      SELECT a.*, g.public_id AS group_public_id, g.name AS group_name, u.name AS owner_name,
             sa.permission AS asset_share_permission, sa.expires_at AS asset_share_expires_at,
             sg.permission AS group_share_permission, sg.expires_at AS group_share_expires_at
      FROM assets a
      JOIN asset_groups g ON g.id = a.group_id
      JOIN users u ON u.id = a.owner_user_id
      LEFT JOIN shares sa ON sa.target_type = 'ASSET' AND sa.target_id = a.id
          AND sa.grantee_user_id = :userId AND (sa.expires_at IS NULL OR sa.expires_at > :now)
      LEFT JOIN shares sg ON sg.target_type = 'GROUP' AND sg.target_id = a.group_id
          AND sg.grantee_user_id = :userId AND (sg.expires_at IS NULL OR sg.expires_at > :now)
      WHERE a.tenant_id = :tenantId
        AND (a.expires_at IS NULL OR a.expires_at > :now)
        AND (a.owner_user_id = :userId OR sa.id IS NOT NULL OR sg.id IS NOT NULL)
      """;

  @SqlQuery
  @UseClasspathSqlLocator
  @Override
  long insert(@BindMethods AssetRecord row);

  @SqlQuery("SELECT * FROM assets WHERE id = :id")
  @Override
  Optional<AssetRecord> findById(@Bind("id") long id);

  @SqlQuery(VISIBLE + " AND a.asset_id = :assetId")
  @Override
  Optional<AssetAccessRecord> findVisible(
      @Bind("tenantId") long tenantId,
      @Bind("userId") long userId,
      @Bind("now") long now,
      @Bind("assetId") String assetId);

  @Override
  default AssetPage listVisible(AssetFilter filter) {
    return visibleAssets(filter).page();
  }

  private VisibleAssetQuery visibleAssets(AssetFilter filter) {
    Handle handle = getHandle();
    Dialect dialect =
        (Dialect) handle.getConfig(SqlStatements.class).getAttribute(Dialect.class.getName());
    return new VisibleAssetQuery(handle, dialect, filter);
  }

  @SqlUpdate(
      """
      UPDATE assets SET delivery_key = :deliveryKey, thumbnail_delivery_key = :thumbnailKey,
          updated_at = :now
      WHERE id = :id
      """)
  @Override
  void replaceDeliveryKeys(
      @Bind("id") long id,
      @Bind("deliveryKey") String deliveryKey,
      @Bind("thumbnailKey") String thumbnailDeliveryKey,
      @Bind("now") long now);

  @SqlUpdate("UPDATE assets SET name = :name, updated_at = :now WHERE id = :id")
  @Override
  void rename(@Bind("id") long id, @Bind("name") String name, @Bind("now") long now);

  @SqlUpdate(
      "UPDATE assets SET byteplus_asset_id = :providerAssetId, updated_at = :now WHERE id = :id")
  @Override
  boolean recordProviderAsset(
      @Bind("id") long id, @Bind("providerAssetId") String providerAssetId, @Bind("now") long now);

  @SqlQuery(
      """
      SELECT * FROM assets WHERE status = 'processing' AND byteplus_asset_id IS NULL
        AND provider_group_id IS NOT NULL
        AND (provider_registration_started_at IS NULL
             OR provider_registration_started_at <= :triedBefore)
      ORDER BY id LIMIT :limit
      """)
  @Override
  List<AssetRecord> findUnregistered(
      @Bind("triedBefore") long triedBefore, @Bind("limit") int limit);

  @SqlQuery("SELECT provider_registration_url FROM assets WHERE id = :id")
  @Override
  Optional<String> registrationUrl(@Bind("id") long id);

  @SqlUpdate(
      """
      UPDATE assets SET provider_registration_url = :url, provider_registration_started_at = :now
      WHERE id = :id
      """)
  @Override
  void startRegistration(@Bind("id") long id, @Bind("url") String url, @Bind("now") long now);

  @SqlQuery(
      """
      SELECT * FROM assets
      WHERE status = 'processing' AND byteplus_asset_id IS NOT NULL
      ORDER BY updated_at, id LIMIT :limit
      """)
  @Override
  List<AssetRecord> findProcessing(@Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE assets
      SET status = :status, provider_error_code = :errorCode,
          provider_error_message = :errorMessage, updated_at = :now
      WHERE id = :id
      """)
  @Override
  void updateProviderStatus(
      @Bind("id") long id,
      @Bind("status") String status,
      @Bind("errorCode") String errorCode,
      @Bind("errorMessage") String errorMessage,
      @Bind("now") long now);

  @SqlQuery("SELECT * FROM assets WHERE group_id = :groupId")
  @Override
  List<AssetRecord> findInGroup(@Bind("groupId") long groupId);

  @SqlQuery("SELECT * FROM assets WHERE expires_at IS NOT NULL AND expires_at <= :now LIMIT :limit")
  @Override
  List<AssetRecord> findExpired(@Bind("now") long now, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM assets WHERE id IN (<ids>)")
  @Override
  void deleteAll(@BindList("ids") List<Long> ids);

  @SqlQuery("SELECT count(*) FROM assets")
  @Override
  long count();

  @SqlQuery(
      """
      SELECT coalesce(sum(t.byte_count), 0) FROM asset_tallies t
      JOIN asset_groups g ON g.id = t.group_id WHERE g.owner_user_id = :userId
      """)
  @Override
  long sumSizeOwnedBy(@Bind("userId") long userId);

  @SqlQuery(
      """
      SELECT storage_key FROM assets WHERE storage_key IN (<keys>)
      UNION ALL
      SELECT thumbnail_storage_key FROM assets WHERE thumbnail_storage_key IN (<keys>)
      UNION ALL
      SELECT storage_key FROM renditions WHERE storage_key IN (<keys>)
      """)
  @Override
  List<String> findStorageKeys(@BindList("keys") List<String> keys);
}
