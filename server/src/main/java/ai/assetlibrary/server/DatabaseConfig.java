package ai.assetlibrary.server;

import java.util.Map;
import java.util.Optional;

/**
 * Where the records live: SQLite in the data directory (no URL, the default), or PostgreSQL 14 or
 * newer at {@code url}.
 *
 * @param url a {@code jdbc:postgresql://host:port/db} URL, or empty for SQLite
 * @param user the user, when not in the URL
 * @param password the password, when not in the URL
 * @param poolSize connections this instance keeps open to PostgreSQL
 */
public record DatabaseConfig(
    Optional<String> url, Optional<String> user, Optional<String> password, int poolSize) {

  public static final int DEFAULT_POOL_SIZE = 16;
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  static DatabaseConfig fromEnvironment(Map<String, String> env) {
    Optional<String> url = Env.nonBlank(env, "ASSETS_DATABASE_URL");
    if (url.isPresent() && !url.get().startsWith(POSTGRESQL_PREFIX)) {
      throw new IllegalArgumentException(
          "ASSETS_DATABASE_URL must be a jdbc:postgresql://host:port/database URL (or unset for"
              + " SQLite in the data directory), got '"
              + url.get()
              + "'");
    }
    Optional<String> user = Env.nonBlank(env, "ASSETS_DATABASE_USER");
    Optional<String> password = Optional.ofNullable(env.get("ASSETS_DATABASE_PASSWORD"));
    if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
      throw new IllegalArgumentException(
          "ASSETS_DATABASE_USER and ASSETS_DATABASE_PASSWORD need ASSETS_DATABASE_URL");
    }
    int poolSize = Env.intValue(env, "ASSETS_DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 1_000);
    return new DatabaseConfig(url, user, password, poolSize);
  }

  /** Whether the records live in SQLite in the data directory. */
  public boolean embedded() {
    return url.isEmpty();
  }
}
