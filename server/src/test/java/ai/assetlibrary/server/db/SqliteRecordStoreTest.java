package ai.assetlibrary.server.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The record store contract on a real SQLite file. */
class SqliteRecordStoreTest extends RecordStoreContract {

  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.sqlite(dataDir.resolve("assets.db"));
  }
}
