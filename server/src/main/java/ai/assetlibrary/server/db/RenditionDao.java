package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.RenditionRecord;
import ai.assetlibrary.server.records.RenditionRecords;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Renditions, one row per asset and parameters. */
public interface RenditionDao extends RenditionRecords, SqlObject {

  /** A rendition's row, when its asset exists and none has its parameters yet. */
  String INSERT =
      """
      INSERT INTO renditions
          (asset_id, params, storage_key, mime_type, sha256, size_bytes, width, height, created_at)
      SELECT :assetId, :params, :storageKey, :mimeType, :sha256, :sizeBytes, :width, :height,
             :createdAt
      FROM assets WHERE id = :assetId
      ON CONFLICT (asset_id, params) DO NOTHING
      """;

  /**
   * Records the rendition without waiting for the disk where the database allows it: one lost in a
   * crash is rendered again, and its blob left to the orphan sweep.
   */
  @Override
  default boolean insertIfAbsent(RenditionRecord rendition) {
    Handle handle = getHandle();
    return Dialect.of(handle)
        .withoutWaitingForDisk(
            handle, h -> h.createUpdate(INSERT).bindMethods(rendition).execute() == 1);
  }

  @SqlUpdate("DELETE FROM renditions WHERE storage_key = :key")
  @Override
  boolean forget(@Bind("key") String storageKey);

  @SqlQuery("DELETE FROM renditions WHERE asset_id IN (<ids>) RETURNING storage_key")
  List<String> deleteReturningKeys(@BindList("ids") List<Long> assetIds);

  @Override
  default List<String> deleteOfAssets(List<Long> assetIds) {
    return assetIds.isEmpty() ? List.of() : deleteReturningKeys(assetIds);
  }
}
