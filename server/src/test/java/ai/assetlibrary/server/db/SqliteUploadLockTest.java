package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload locks on a real SQLite file, whose lock writes skip waiting for the disk and leave
 * every connection as durable as before for every other write.
 */
class SqliteUploadLockTest extends UploadLockContract {

  /** {@code PRAGMA synchronous} answers 2 for FULL. */
  private static final int FULL = 2;

  private static final int POOLED_CONNECTIONS = 16;

  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.sqlite(dataDir.resolve("assets.db"));
  }

  @Test
  void everyPooledConnectionIsBackToFullSynchronousCommitsAfterLockWrites() throws SQLException {
    assertThat(uploads.lock(UPLOAD, ALICE, "holder", NOW, NOW + 30_000)).isPresent();
    assertThat(uploads.lock(UPLOAD, ALICE, "other", NOW, NOW + 30_000)).isEmpty();
    assertThat(uploads.extendLock(UPLOAD, "holder", NOW + 60_000)).isTrue();
    uploads.unlock(UPLOAD, "holder");

    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < POOLED_CONNECTIONS; i++) {
        Connection connection = database.connection();
        all.add(connection);
        try (Statement statement = connection.createStatement();
            ResultSet mode = statement.executeQuery("PRAGMA synchronous")) {
          assertThat(mode.next()).isTrue();
          assertThat(mode.getInt(1)).as("connection %d", i).isEqualTo(FULL);
        }
      }
    } finally {
      for (Connection connection : all) {
        connection.close();
      }
    }
  }
}
