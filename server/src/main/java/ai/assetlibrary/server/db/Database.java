package ai.assetlibrary.server.db;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite database: connection settings, migrations, and the configured {@link Jdbi}. */
public final class Database {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private Database() {}

  /** Opens (creating if needed) the database file and applies pending migrations. */
  public static Jdbi open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL in WAL mode: a commit is on disk before the server answers.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load()
        .migrate();

    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }
}
