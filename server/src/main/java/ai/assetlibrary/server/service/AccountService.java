package ai.assetlibrary.server.service;

import ai.assetlibrary.server.db.AccountDao;
import ai.assetlibrary.server.db.AssetGroupDao;
import ai.assetlibrary.server.db.UserRow;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Tenants and users, and the default library group every user has. */
public final class AccountService {

  /** Public id of every user's default group. */
  public static final String LIBRARY_GROUP_ID = "library";

  public static final String LIBRARY_GROUP_NAME = "Library";
  public static final String GENERIC_KIND = "GENERIC";

  private final Jdbi jdbi;
  private final Clock clock;

  public AccountService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Returns the user, creating the tenant, the user and their default group when missing. A user id
   * that already belongs to another tenant is refused.
   */
  public UserRow ensureUser(long tenantId, long userId, String userName) {
    if (userName == null || userName.isBlank() || userName.length() > 255) {
      throw new IllegalArgumentException("A user name is 1 to 255 characters");
    }
    return jdbi.inTransaction(
        handle -> {
          AccountDao accounts = handle.attach(AccountDao.class);
          Optional<UserRow> existing = accounts.findUser(userId);
          if (existing.isPresent()) {
            if (existing.get().tenantId() != tenantId) {
              throw new IllegalArgumentException(
                  "User " + userId + " belongs to tenant " + existing.get().tenantId());
            }
            return existing.get();
          }
          long now = clock.millis();
          accounts.insertTenantIfAbsent(tenantId, now);
          accounts.insertUser(userId, tenantId, userName, now);
          handle
              .attach(AssetGroupDao.class)
              .insertDefault(
                  LIBRARY_GROUP_ID, tenantId, userId, LIBRARY_GROUP_NAME, GENERIC_KIND, now);
          return accounts.findUser(userId).orElseThrow();
        });
  }
}
