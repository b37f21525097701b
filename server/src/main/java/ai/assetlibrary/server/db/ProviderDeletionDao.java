package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.ProviderDeletionRecord;
import ai.assetlibrary.server.records.ProviderDeletions;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The queue of deletes owed to the provider. */
@RegisterConstructorMapper(ProviderDeletionRecord.class)
public interface ProviderDeletionDao extends ProviderDeletions {

  @SqlUpdate(
      "INSERT INTO provider_deletions (target_type, provider_id, created_at)"
          + " VALUES (:targetType, :providerId, :now)")
  @Override
  void enqueue(
      @Bind("targetType") String targetType,
      @Bind("providerId") String providerId,
      @Bind("now") long now);

  @SqlUpdate(
      """
      INSERT INTO provider_deletions (target_type, provider_id, provider_group_id, created_at)
      SELECT 'ASSET', coalesce(byteplus_asset_id, provider_registration_url),
             CASE WHEN byteplus_asset_id IS NULL THEN provider_group_id END, :now
      FROM assets
      WHERE id IN (<ids>)
        AND (byteplus_asset_id IS NOT NULL OR provider_registration_url IS NOT NULL)
      ORDER BY id
      """)
  @Override
  void enqueueAssets(@BindList("ids") List<Long> assetIds, @Bind("now") long now);

  @SqlQuery("SELECT * FROM provider_deletions ORDER BY target_type = 'GROUP', id LIMIT :limit")
  @Override
  List<ProviderDeletionRecord> next(@Bind("limit") int limit);

  @SqlUpdate("DELETE FROM provider_deletions WHERE id IN (<ids>)")
  @Override
  void done(@BindList("ids") List<Long> ids);

  @SqlUpdate(
      "UPDATE provider_deletions SET attempts = attempts + 1, last_error = :error WHERE id = :id")
  @Override
  void failed(@Bind("id") long id, @Bind("error") String error);

  @SqlQuery("SELECT count(*) FROM provider_deletions")
  @Override
  long count();
}
