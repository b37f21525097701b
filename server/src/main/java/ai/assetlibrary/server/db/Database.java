package ai.assetlibrary.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: connection settings, a pool of open connections (opening one and applying
 * its settings costs more than most queries), its migrations, and the configured {@link Jdbi}.
 */
public final class Database implements AutoCloseable {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_CONNECTIONS = 16;

  private final HikariDataSource pool;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
  }

  /** Opens (creating if needed) the database file; {@link #migrate} before the first query. */
  public static Database open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL in WAL mode: a commit is on disk before the server answers.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // A transaction takes the write lock when it begins, waiting up to the busy timeout for it;
    // a deferred one that reads first and then writes would fail at once when another committed.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setDataSource(sqlite);
    poolConfig.setPoolName("sqlite");
    poolConfig.setMaximumPoolSize(MAX_CONNECTIONS);
    poolConfig.setMinimumIdle(1);
    // Connect on first use (the migrations, on their own thread), not here on the start-up path.
    poolConfig.setInitializationFailTimeout(-1);
    return new Database(new HikariDataSource(poolConfig));
  }

  /** Applies the migrations the database does not have yet. */
  public void migrate() {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load()
        .migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Closes every pooled connection. */
  @Override
  public void close() {
    pool.close();
  }
}
