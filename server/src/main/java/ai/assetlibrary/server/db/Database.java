package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.RecordStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database the records live in, SQLite or PostgreSQL: connection settings, a pool of open
 * connections, the dialect's migrations, and the record store over it.
 */
public final class Database implements AutoCloseable {

  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
  private static final int SQLITE_MAX_CONNECTIONS = 16;
  private static final Duration POSTGRESQL_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final RecordStore records;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.records =
        new JdbiRecordStore(Jdbi.create(pool).installPlugin(new SqlObjectPlugin()), dialect);
  }

  /**
   * Opens (creating if needed) the SQLite database file; {@link #migrate} before the first query.
   */
  public static Database sqlite(Path file) {
    SqliteNativeLibrary.useDirectory(file.toAbsolutePath().resolveSibling("native"));
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL in WAL mode: a commit is on disk before the server answers.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    // A transaction takes the write lock when it begins, waiting up to the busy timeout for it;
    // a deferred one that reads first and then writes would fail at once when another committed.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setDataSource(sqlite);
    poolConfig.setPoolName("sqlite");
    poolConfig.setMaximumPoolSize(SQLITE_MAX_CONNECTIONS);
    poolConfig.setMinimumIdle(1);
    // Connect on first use (the migrations, on their own thread), not here on the start-up path.
    poolConfig.setInitializationFailTimeout(-1);
    return new Database(new HikariDataSource(poolConfig), Dialect.SQLITE);
  }

  /** A pool of {@code poolSize} connections to PostgreSQL at {@code url} (jdbc:postgresql:…). */
  public static Database postgresql(String url, String user, String password, int poolSize) {
    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setJdbcUrl(url);
    if (user != null) {
      poolConfig.setUsername(user);
    }
    if (password != null) {
      poolConfig.setPassword(password);
    }
    // Each statement is planned for its own arguments: a generic plan of a name search guesses how
    // many names match and reads the whole trigram index for a keyword found in every name (86 ms
    // at a million), where the plan for the keyword itself stops after 10,000 rows. And no JIT: it
    // compiles a plan whose estimated cost is high even when a LIMIT makes it cheap (21 of 36 ms).
    poolConfig.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan -c jit=off");
    poolConfig.setPoolName("postgresql");
    poolConfig.setMaximumPoolSize(poolSize);
    poolConfig.setMinimumIdle(1);
    poolConfig.setConnectionTimeout(POSTGRESQL_CONNECT_TIMEOUT.toMillis());
    poolConfig.setInitializationFailTimeout(-1);
    return new Database(new HikariDataSource(poolConfig), Dialect.POSTGRESQL);
  }

  /** Applies the migrations the database does not have yet. */
  public void migrate() {
    Flyway.configure()
        .dataSource(pool)
        .locations(dialect.migrations())
        .loggers("slf4j")
        .load()
        .migrate();
  }

  /** A connection of the pool, for {@link RecordCopy}. */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  public Dialect dialect() {
    return dialect;
  }

  public RecordStore records() {
    return records;
  }

  /** Closes every pooled connection. */
  @Override
  public void close() {
    pool.close();
  }
}
