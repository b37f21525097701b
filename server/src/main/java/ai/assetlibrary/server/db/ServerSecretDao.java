package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.ServerSecrets;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Shared secrets: the first insert of a name wins, every reader gets what it recorded. */
public interface ServerSecretDao extends ServerSecrets {

  @SqlUpdate(
      "INSERT INTO server_secrets (name, secret, created_at) VALUES (:name, :secret, :now)"
          + " ON CONFLICT (name) DO NOTHING")
  void insertIfAbsent(
      @Bind("name") String name, @Bind("secret") String secret, @Bind("now") long now);

  @SqlQuery("SELECT secret FROM server_secrets WHERE name = :name")
  String find(@Bind("name") String name);

  @Override
  @Transaction
  default String getOrCreate(String name, String candidate, long now) {
    insertIfAbsent(name, candidate, now);
    return find(name);
  }
}
