package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AccountRecords;
import ai.assetlibrary.server.records.UserRecord;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Tenants and users. */
@RegisterConstructorMapper(UserRecord.class)
public interface AccountDao extends AccountRecords {

  /** A no-op update: a row lock on PostgreSQL, the (already held) write lock on SQLite. */
  @SqlUpdate("UPDATE users SET id = id WHERE id = :id")
  @Override
  void lockUser(@Bind("id") long userId);

  @SqlUpdate("INSERT INTO tenants (id, created_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
  @Override
  void insertTenantIfAbsent(@Bind("id") long tenantId, @Bind("now") long now);

  @SqlUpdate(
      "INSERT INTO users (id, tenant_id, name, created_at) VALUES (:id, :tenantId, :name, :now)")
  @Override
  void insertUser(
      @Bind("id") long userId,
      @Bind("tenantId") long tenantId,
      @Bind("name") String name,
      @Bind("now") long now);

  @SqlQuery("SELECT id, tenant_id, name, created_at FROM users WHERE id = :id")
  @Override
  Optional<UserRecord> findUser(@Bind("id") long userId);

  @SqlQuery(
      "SELECT id, tenant_id, name, created_at FROM users WHERE id = :id AND tenant_id = :tenantId")
  @Override
  Optional<UserRecord> findUserInTenant(@Bind("tenantId") long tenantId, @Bind("id") long userId);
}
