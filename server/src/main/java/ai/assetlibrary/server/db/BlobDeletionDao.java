package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.BlobDeletions;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The queue of blob deletes. */
public interface BlobDeletionDao extends BlobDeletions {

  @SqlUpdate(
      "INSERT INTO blob_deletions (storage_key, created_at) VALUES (:key, :now)"
          + " ON CONFLICT (storage_key) DO NOTHING")
  @Override
  void enqueue(@Bind("key") String storageKey, @Bind("now") long now);

  @SqlQuery("SELECT storage_key FROM blob_deletions ORDER BY created_at, storage_key LIMIT :limit")
  @Override
  List<String> next(@Bind("limit") int limit);

  @SqlUpdate("DELETE FROM blob_deletions WHERE storage_key = :key")
  @Override
  void done(@Bind("key") String storageKey);

  @SqlUpdate(
      "UPDATE blob_deletions SET attempts = attempts + 1, last_error = :error"
          + " WHERE storage_key = :key")
  @Override
  void failed(@Bind("key") String storageKey, @Bind("error") String error);

  @SqlQuery("SELECT count(*) FROM blob_deletions")
  @Override
  long count();
}
