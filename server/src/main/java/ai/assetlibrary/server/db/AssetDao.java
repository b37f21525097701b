package ai.assetlibrary.server.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Assets, and the assets a caller may see. */
@RegisterConstructorMapper(AssetRow.class)
@RegisterConstructorMapper(AssetAccessRow.class)
public interface AssetDao {

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

  /** The list filters of {@link AssetFilter}. */
  String FILTERS =
      """
        AND (:groupId IS NULL OR a.group_id = :groupId)
        AND (:keyword IS NULL OR a.asset_id = :keyword OR a.name LIKE :namePattern ESCAPE '\\')
        AND (:mediaFamily IS NULL OR a.media_type = :mediaFamily)
        AND (:mimeType IS NULL OR a.mime_type = :mimeType)
        AND (:assetKind IS NULL OR a.asset_kind = :assetKind)
        AND (:status IS NULL OR a.status = :status)
        AND (NOT :ownedOnly OR a.owner_user_id = :userId)
        AND (:createdBy IS NULL OR u.name = :createdBy)
      """;

  /** Inserts the asset and returns its generated internal id. */
  @SqlQuery
  @UseClasspathSqlLocator
  long insert(@BindMethods AssetRow row);

  @SqlQuery("SELECT * FROM assets WHERE id = :id")
  Optional<AssetRow> findById(@Bind("id") long id);

  /** The unexpired asset whose bytes or thumbnail are delivered under {@code deliveryKey}. */
  @SqlQuery(
      """
      SELECT * FROM assets
      WHERE (delivery_key = :deliveryKey OR thumbnail_delivery_key = :deliveryKey)
        AND (expires_at IS NULL OR expires_at > :now)
      """)
  Optional<AssetRow> findByDeliveryKey(
      @Bind("deliveryKey") String deliveryKey, @Bind("now") long now);

  @SqlQuery(VISIBLE + " AND a.asset_id = :assetId")
  Optional<AssetAccessRow> findVisible(
      @Bind("tenantId") long tenantId,
      @Bind("userId") long userId,
      @Bind("now") long now,
      @Bind("assetId") String assetId);

  @SqlQuery(
      VISIBLE + FILTERS + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
  List<AssetAccessRow> listVisible(@BindMethods AssetFilter filter);

  @SqlQuery("SELECT count(*) FROM (" + VISIBLE + FILTERS + ")")
  long countVisible(@BindMethods AssetFilter filter);

  @SqlUpdate(
      """
      UPDATE assets SET delivery_key = :deliveryKey, thumbnail_delivery_key = :thumbnailKey,
          updated_at = :now
      WHERE id = :id
      """)
  void replaceDeliveryKeys(
      @Bind("id") long id,
      @Bind("deliveryKey") String deliveryKey,
      @Bind("thumbnailKey") String thumbnailDeliveryKey,
      @Bind("now") long now);

  @SqlUpdate("UPDATE assets SET name = :name, updated_at = :now WHERE id = :id")
  void rename(@Bind("id") long id, @Bind("name") String name, @Bind("now") long now);

  @SqlUpdate(
      "UPDATE assets SET byteplus_asset_id = :providerAssetId, updated_at = :now WHERE id = :id")
  void recordProviderAsset(
      @Bind("id") long id, @Bind("providerAssetId") String providerAssetId, @Bind("now") long now);

  /** Assets stored for the provider but not yet registered with it, oldest first. */
  @SqlQuery(
      "SELECT * FROM assets WHERE status = 'processing' AND byteplus_asset_id IS NULL"
          + " AND provider_group_id IS NOT NULL ORDER BY id LIMIT :limit")
  List<AssetRow> findUnregistered(@Bind("limit") int limit);

  /** Assets waiting for the provider, least recently checked first. */
  @SqlQuery(
      """
      SELECT * FROM assets
      WHERE status = 'processing' AND byteplus_asset_id IS NOT NULL
      ORDER BY updated_at, id LIMIT :limit
      """)
  List<AssetRow> findProcessing(@Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE assets
      SET status = :status, provider_error_code = :errorCode,
          provider_error_message = :errorMessage, updated_at = :now
      WHERE id = :id
      """)
  void updateProviderStatus(
      @Bind("id") long id,
      @Bind("status") String status,
      @Bind("errorCode") String errorCode,
      @Bind("errorMessage") String errorMessage,
      @Bind("now") long now);

  @SqlQuery("SELECT * FROM assets WHERE group_id = :groupId")
  List<AssetRow> findInGroup(@Bind("groupId") long groupId);

  @SqlQuery("SELECT * FROM assets WHERE expires_at IS NOT NULL AND expires_at <= :now LIMIT :limit")
  List<AssetRow> findExpired(@Bind("now") long now, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM assets WHERE id IN (<ids>)")
  void deleteAll(@BindList("ids") List<Long> ids);

  @SqlQuery("SELECT count(*) FROM assets")
  long count();

  /** Bytes of the files {@code userId} owns. */
  @SqlQuery("SELECT coalesce(sum(size_bytes), 0) FROM assets WHERE owner_user_id = :userId")
  long sumSizeOwnedBy(@Bind("userId") long userId);

  /** Those of {@code keys} that a record stores its file or thumbnail under. */
  @SqlQuery(
      """
      SELECT storage_key FROM assets WHERE storage_key IN (<keys>)
      UNION ALL
      SELECT thumbnail_storage_key FROM assets WHERE thumbnail_storage_key IN (<keys>)
      """)
  List<String> findStorageKeys(@BindList("keys") List<String> keys);
}
