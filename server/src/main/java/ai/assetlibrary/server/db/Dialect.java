package ai.assetlibrary.server.db;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.SqlStatements;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases the records live in: where their migrations are, how their
 * errors say that the disk is full or that the database cannot be reached, and how a name search
 * finds its candidates through the database's trigram index.
 */
public enum Dialect {
  SQLITE("classpath:db/migration/sqlite") {
    @Override
    boolean isFull(SQLException e) {
      return e instanceof SQLiteException sqlite
          && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
    }

    @Override
    boolean isUnreachable(SQLException e) {
      return false;
    }

    /**
     * Commits without waiting for the disk ({@code synchronous = NORMAL} in WAL mode: atomic, and
     * durable at the next full commit); the connection's full synchronous mode is back after.
     */
    @Override
    <T> T withoutWaitingForDisk(Handle handle, HandleCallback<T, RuntimeException> write) {
      handle.execute("PRAGMA synchronous = NORMAL");
      try {
        return write.withHandle(handle);
      } finally {
        handle.execute("PRAGMA synchronous = FULL");
      }
    }

    /**
     * Names holding every trigram of the keyword, from the FTS5 trigram index, each joined to its
     * asset (the index first, whatever the planner would rather); a keyword of fewer than three
     * characters has no trigram, and is looked for without the index.
     */
    @Override
    Optional<String> nameMatches(String keyword) {
      if (keyword.codePointCount(0, keyword.length()) < 3) {
        return Optional.empty();
      }
      return Optional.of(
          " asset_name_search CROSS JOIN assets a WHERE a.id = asset_name_search.rowid"
              + " AND asset_name_search MATCH :namePhrase"
              + " AND lower(a.name) LIKE :namePattern ESCAPE '!'");
    }
  },
  POSTGRESQL("classpath:db/migration/postgresql") {
    /** {@code disk_full}. */
    private static final String DISK_FULL = "53100";

    @Override
    boolean isFull(SQLException e) {
      return DISK_FULL.equals(e.getSQLState());
    }

    /** Connection exceptions (class 08), and a server shutting down or starting (57P0x). */
    @Override
    boolean isUnreachable(SQLException e) {
      String state = e.getSQLState();
      return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** Names that contain the keyword, through the {@code pg_trgm} index of lower-cased names. */
    @Override
    Optional<String> nameMatches(String keyword) {
      return Optional.of(" assets a WHERE lower(a.name) LIKE :namePattern ESCAPE '!'");
    }
  };

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  String migrations() {
    return migrations;
  }

  /** The write failed because the database's disk is full. */
  abstract boolean isFull(SQLException e);

  /** The database could not be reached, or went away. */
  abstract boolean isUnreachable(SQLException e);

  /**
   * Runs {@code write}, a write that only matters while the process that made it lives (a lock its
   * holder took), without waiting for the disk where that cannot lose a write another instance
   * relies on: on the embedded database, one instance serves; elsewhere, as any write.
   */
  <T> T withoutWaitingForDisk(Handle handle, HandleCallback<T, RuntimeException> write) {
    return write.withHandle(handle);
  }

  /** The dialect the records' statements are defined with. */
  static Dialect of(Handle handle) {
    return (Dialect) handle.getConfig(SqlStatements.class).getAttribute(Dialect.class.getName());
  }

  /**
   * A {@code FROM} clause and {@code WHERE} condition of the assets, as {@code a}, whose names
   * contain {@code keyword}, read through the name index in its order so that a {@code LIMIT} stops
   * it early; bound as {@code :namePattern} ({@code lower(name) LIKE}) and {@code :namePhrase} (an
   * FTS5 phrase); empty when the index cannot narrow this keyword.
   */
  abstract Optional<String> nameMatches(String keyword);
}
