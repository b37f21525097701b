package ai.assetlibrary.server.records;

import java.util.Optional;

/** Tenants and users, as the library records them. */
public interface AccountRecords {

  void insertTenantIfAbsent(long tenantId, long now);

  void insertUser(long userId, long tenantId, String name, long now);

  Optional<UserRecord> findUser(long userId);

  Optional<UserRecord> findUserInTenant(long tenantId, long userId);
}
