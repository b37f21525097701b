package ai.assetlibrary.server.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The list query contract on a real SQLite file. */
class SqliteListQueryTest extends ListQueryContract {

  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.sqlite(dataDir.resolve("assets.db"));
  }
}
