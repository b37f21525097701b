package ai.assetlibrary.server.service;

import ai.assetlibrary.server.auth.ApiKeys;
import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.records.ApiKeyOwner;
import ai.assetlibrary.server.records.ApiKeyRecords;
import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.util.Optional;

/** Issues, checks and disables API keys. */
public final class ApiKeyService {

  /** The user that bootstrap keys belong to. */
  public static final long DEMO_TENANT_ID = 1001;

  public static final long DEMO_USER_ID = 5001;
  public static final String DEMO_USER_NAME = "demo";

  private final RecordStore records;
  private final AccountService accounts;
  private final Clock clock;

  public ApiKeyService(RecordStore records, AccountService accounts, Clock clock) {
    this.records = records;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The caller an active key belongs to; empty for a malformed, unknown or disabled key. */
  public Optional<Caller> authenticate(String key) {
    if (!ApiKeys.isWellFormed(key)) {
      return Optional.empty();
    }
    return records
        .apiKeys()
        .findByHash(ApiKeys.hash(key))
        .filter(row -> row.disabledAt() == null)
        .map(ApiKeyService::toCaller);
  }

  /** Creates the tenant and user as needed and issues a new key for them. */
  public String create(long tenantId, long userId, String userName) {
    return register(tenantId, userId, userName, ApiKeys.generate());
  }

  /** Stores {@code key} for the user, creating tenant and user as needed; idempotent. */
  public String register(long tenantId, long userId, String userName, String key) {
    if (!ApiKeys.isWellFormed(key)) {
      throw new IllegalArgumentException(
          "An API key is 'sk-' followed by at least 32 letters, digits, '-' or '_'");
    }
    accounts.ensureUser(tenantId, userId, userName);
    String hash = ApiKeys.hash(key);
    records.useTransaction(
        tx -> {
          ApiKeyRecords keys = tx.apiKeys();
          Optional<ApiKeyOwner> existing = keys.findByHash(hash);
          if (existing.isPresent() && existing.get().userId() != userId) {
            throw new IllegalArgumentException("This API key belongs to another user");
          }
          if (existing.isEmpty()) {
            keys.insert(userId, hash, ApiKeys.hint(key), clock.millis());
          }
        });
    return key;
  }

  /** Disables a key; returns false when no active key matched. */
  public boolean disable(String key) {
    if (!ApiKeys.isWellFormed(key)) {
      return false;
    }
    return records.apiKeys().disable(ApiKeys.hash(key), clock.millis()) > 0;
  }

  /**
   * Makes sure someone can log in: registers {@code bootstrapKey} for the demo user if given, and
   * otherwise, when no key exists at all, issues one. Returns a key that was newly generated.
   */
  public Optional<String> bootstrap(Optional<String> bootstrapKey) {
    if (bootstrapKey.isPresent()) {
      register(DEMO_TENANT_ID, DEMO_USER_ID, DEMO_USER_NAME, bootstrapKey.get());
      return Optional.empty();
    }
    if (records.apiKeys().count() > 0) {
      return Optional.empty();
    }
    return Optional.of(create(DEMO_TENANT_ID, DEMO_USER_ID, DEMO_USER_NAME));
  }

  private static Caller toCaller(ApiKeyOwner row) {
    return new Caller(row.tenantId(), row.userId(), row.userName());
  }
}
