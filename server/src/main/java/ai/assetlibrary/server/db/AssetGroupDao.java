package ai.assetlibrary.server.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Asset groups. */
@RegisterConstructorMapper(AssetGroupRow.class)
public interface AssetGroupDao {

  String COLUMNS =
      "id, public_id, tenant_id, owner_user_id, name, group_kind, status, is_default, legacy_id,"
          + " provider_group_id, created_at, updated_at";

  @SqlUpdate(
      "INSERT INTO asset_groups (public_id, tenant_id, owner_user_id, name, group_kind, status,"
          + " is_default, created_at, updated_at)"
          + " VALUES (:publicId, :tenantId, :ownerUserId, :name, :kind, 'active', 1, :now, :now)")
  void insertDefault(
      @Bind("publicId") String publicId,
      @Bind("tenantId") long tenantId,
      @Bind("ownerUserId") long ownerUserId,
      @Bind("name") String name,
      @Bind("kind") String groupKind,
      @Bind("now") long now);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM asset_groups WHERE owner_user_id = :userId AND public_id = :id")
  Optional<AssetGroupRow> findOwned(@Bind("userId") long ownerUserId, @Bind("id") String publicId);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM asset_groups WHERE owner_user_id = :userId AND legacy_id = :id")
  Optional<AssetGroupRow> findOwnedLegacy(
      @Bind("userId") long ownerUserId, @Bind("id") long legacyId);
}
