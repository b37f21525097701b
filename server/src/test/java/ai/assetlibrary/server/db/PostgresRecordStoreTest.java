package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The record store contract on a real PostgreSQL, a new database for each test. */
class PostgresRecordStoreTest extends RecordStoreContract {

  private static final int POOL_SIZE = 4;

  @Override
  protected Database open() {
    return Database.postgresql(Backends.newPostgresDatabase(), null, null, POOL_SIZE);
  }

  @Test
  void theServersConnectionsPlanEachStatementForItsArgumentsAndCompileNone() throws SQLException {
    try (Database database = open();
        Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      assertThat(setting(statement, "plan_cache_mode")).isEqualTo("force_custom_plan");
      assertThat(setting(statement, "jit")).isEqualTo("off");
    }
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet value = statement.executeQuery("SHOW " + name)) {
      assertThat(value.next()).isTrue();
      return value.getString(1);
    }
  }
}
