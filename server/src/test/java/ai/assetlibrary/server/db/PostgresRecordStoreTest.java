package ai.assetlibrary.server.db;

import ai.assetlibrary.server.testing.Backends;

/** The record store contract on a real PostgreSQL, a new database for each test. */
class PostgresRecordStoreTest extends RecordStoreContract {

  private static final int POOL_SIZE = 4;

  @Override
  protected Database open() {
    return Database.postgresql(Backends.newPostgresDatabase(), null, null, POOL_SIZE);
  }
}
