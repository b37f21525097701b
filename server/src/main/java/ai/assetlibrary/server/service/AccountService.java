package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AccountRecords;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.UserRecord;
import java.time.Clock;
import java.util.Optional;

/** Tenants and users, and the default library group every user has. */
public final class AccountService {

  /** Public id of every user's default group. */
  public static final String LIBRARY_GROUP_ID = "library";

  public static final String LIBRARY_GROUP_NAME = "Library";
  public static final String GENERIC_KIND = "GENERIC";

  private final RecordStore records;
  private final Clock clock;

  public AccountService(RecordStore records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /**
   * Returns the user, creating the tenant, the user and their default group when missing. A user id
   * that already belongs to another tenant is refused.
   */
  public UserRecord ensureUser(long tenantId, long userId, String userName) {
    if (userName == null || userName.isBlank() || userName.length() > 255) {
      throw new IllegalArgumentException("A user name is 1 to 255 characters");
    }
    return records.inTransaction(
        tx -> {
          AccountRecords accounts = tx.accounts();
          Optional<UserRecord> existing = accounts.findUser(userId);
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
          tx.groups()
              .insertDefault(
                  LIBRARY_GROUP_ID, tenantId, userId, LIBRARY_GROUP_NAME, GENERIC_KIND, now);
          return accounts.findUser(userId).orElseThrow();
        });
  }
}
