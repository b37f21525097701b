package ai.assetlibrary.server.db;

import ai.assetlibrary.server.testing.Backends;

/** The list query contract on a real PostgreSQL, a new database for each test. */
class PostgresListQueryTest extends ListQueryContract {

  private static final int POOL_SIZE = 4;

  @Override
  protected Database open() {
    return Database.postgresql(Backends.newPostgresDatabase(), null, null, POOL_SIZE);
  }
}
