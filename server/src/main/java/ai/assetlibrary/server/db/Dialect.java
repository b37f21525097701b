package ai.assetlibrary.server.db;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases the records live in: where their migrations are, and how their
 * errors say that the disk is full or that the database cannot be reached.
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
}
