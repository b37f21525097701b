package ai.assetlibrary.server.records;

import java.util.Optional;

/** Tenants and users, as the library records them. */
public interface AccountRecords {

  /**
   * Locks the user's record until the transaction ends, so that decisions about what the user owns
   * (their quota) are taken one at a time, whichever instance takes them.
   */
  void lockUser(long userId);

  void insertTenantIfAbsent(long tenantId, long now);

  void insertUser(long userId, long tenantId, String name, long now);

  Optional<UserRecord> findUser(long userId);

  Optional<UserRecord> findUserInTenant(long tenantId, long userId);
}
