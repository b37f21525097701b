package ai.assetlibrary.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies every record of one database into another, ids and all, table by table in the order their
 * references need. A row already in the target is left as it is, so an interrupted copy can run
 * again without duplicating anything. Values take the target column's type (SQLite keeps booleans
 * as integers, PostgreSQL does not); PostgreSQL's identity columns continue after the copied ids.
 */
public final class RecordCopy {

  /** Tables in reference order, with the id columns PostgreSQL generates for new rows. */
  private record Table(String name, String orderBy, boolean generatedId) {}

  private static final List<Table> TABLES =
      List.of(
          new Table("tenants", "id", false),
          new Table("users", "id", false),
          new Table("api_keys", "id", true),
          new Table("asset_groups", "id", true),
          new Table("assets", "id", true),
          new Table("shares", "id", true),
          new Table("idempotency_keys", "user_id, idempotency_key", false),
          new Table("provider_deletions", "id", true),
          new Table("blob_deletions", "storage_key", false));

  private static final int BATCH = 500;

  private RecordCopy() {}

  /** Copies every table; tells {@code progress} what each table brought. */
  public static void copy(Database source, Database target, Consumer<String> progress)
      throws SQLException {
    try (Connection from = source.connection();
        Connection to = target.connection()) {
      to.setAutoCommit(false);
      for (Table table : TABLES) {
        long[] counts = copyTable(from, to, table);
        to.commit();
        progress.accept(
            table.name() + ": " + counts[0] + " records, " + counts[1] + " of them new");
      }
      if (target.dialect() == Dialect.POSTGRESQL) {
        continueIdentities(to);
        to.commit();
      }
    }
  }

  /** Storage key → SHA-256 of every blob a record of {@code database} names, thumbnails too. */
  public static Map<String, String> blobDigests(Database database) throws SQLException {
    Map<String, String> digests = new LinkedHashMap<>();
    try (Connection connection = database.connection();
        Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT storage_key, sha256, thumbnail_storage_key, thumbnail_sha256 FROM assets"
                    + " ORDER BY id")) {
      while (rows.next()) {
        digests.put(rows.getString(1), rows.getString(2));
        if (rows.getString(3) != null) {
          digests.put(rows.getString(3), rows.getString(4));
        }
      }
    }
    return digests;
  }

  /** Copies one table; returns how many rows the source has and how many the target took. */
  private static long[] copyTable(Connection from, Connection to, Table table) throws SQLException {
    List<Integer> targetTypes = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (Statement probe = to.createStatement();
        ResultSet none = probe.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
      ResultSetMetaData meta = none.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
        targetTypes.add(meta.getColumnType(i));
      }
    }
    String insert =
        "INSERT INTO "
            + table.name()
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ") ON CONFLICT DO NOTHING";
    long read = 0;
    long inserted = 0;
    try (Statement query = from.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT "
                    + String.join(", ", columns)
                    + " FROM "
                    + table.name()
                    + " ORDER BY "
                    + table.orderBy());
        PreparedStatement write = to.prepareStatement(insert)) {
      int pending = 0;
      while (rows.next()) {
        for (int i = 0; i < columns.size(); i++) {
          write.setObject(i + 1, converted(rows.getObject(i + 1), targetTypes.get(i)));
        }
        write.addBatch();
        read++;
        if (++pending == BATCH) {
          inserted += sum(write.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        inserted += sum(write.executeBatch());
      }
    }
    return new long[] {read, inserted};
  }

  private static Object converted(Object value, int targetType) {
    if (value == null) {
      return null;
    }
    return switch (targetType) {
      case Types.BOOLEAN, Types.BIT -> value instanceof Number n ? n.longValue() != 0 : value;
      case Types.BIGINT -> value instanceof Number n ? n.longValue() : value;
      case Types.INTEGER -> value instanceof Number n ? n.intValue() : value;
      case Types.DOUBLE, Types.REAL, Types.FLOAT ->
          value instanceof Number n ? n.doubleValue() : value;
      default -> value;
    };
  }

  private static long sum(int[] counts) {
    long sum = 0;
    for (int count : counts) {
      sum += Math.max(count, 0);
    }
    return sum;
  }

  private static void continueIdentities(Connection to) throws SQLException {
    try (Statement statement = to.createStatement()) {
      for (Table table : TABLES) {
        if (table.generatedId()) {
          statement.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + table.name()
                  + "', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM "
                  + table.name());
        }
      }
    }
  }
}
