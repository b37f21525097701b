package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.ApiKeyOwner;
import ai.assetlibrary.server.records.ApiKeyRecords;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys, stored only as hashes. */
@RegisterConstructorMapper(ApiKeyOwner.class)
public interface ApiKeyDao extends ApiKeyRecords {

  @SqlUpdate(
      "INSERT INTO api_keys (user_id, key_hash, key_hint, created_at)"
          + " VALUES (:userId, :hash, :hint, :now)")
  @Override
  void insert(
      @Bind("userId") long userId,
      @Bind("hash") String keyHash,
      @Bind("hint") String keyHint,
      @Bind("now") long now);

  @SqlQuery(
      "SELECT k.id AS key_id, u.id AS user_id, u.tenant_id, u.name AS user_name, k.disabled_at"
          + " FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = :hash")
  @Override
  Optional<ApiKeyOwner> findByHash(@Bind("hash") String keyHash);

  @SqlUpdate(
      "UPDATE api_keys SET disabled_at = :now WHERE key_hash = :hash AND disabled_at IS NULL")
  @Override
  int disable(@Bind("hash") String keyHash, @Bind("now") long now);

  @SqlQuery("SELECT count(*) FROM api_keys")
  @Override
  long count();
}
