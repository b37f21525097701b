package ai.assetlibrary.server.db;

import ai.assetlibrary.server.testing.Backends;

/** The upload locks on a real PostgreSQL, a new database for each test. */
class PostgresUploadLockTest extends UploadLockContract {

  private static final int POOL_SIZE = 2;

  @Override
  protected Database open() {
    return Database.postgresql(Backends.newPostgresDatabase(), null, null, POOL_SIZE);
  }
}
