package ai.assetlibrary.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Explains every query a JDBI instance runs, once switched on, with the query's own arguments and
 * on its own connection, and keeps the queries whose plan reads the assets table from end to end:
 * SQLite's {@code SCAN} of it, PostgreSQL's {@code Seq Scan} or an index or bitmap scan without an
 * index condition (explained with sequential scans disabled, so that a small test table is not read
 * whole merely because that is cheapest).
 */
final class QueryPlans implements SqlLogger {

  private static final Pattern SQLITE_SCAN = Pattern.compile("^SCAN (a|assets)( |$)");
  private static final Pattern POSTGRES_NODE =
      Pattern.compile("(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan) .*on assets( |$)");

  private volatile Dialect dialect;
  private int explained;
  private final List<String> fullScans = new ArrayList<>();

  /** From now on, explain each query on {@code dialect}'s terms. */
  void explainOn(Dialect dialect) {
    this.dialect = dialect;
  }

  int explained() {
    return explained;
  }

  /** The queries (with their plans) that read all of assets. */
  List<String> fullScansOfAssets() {
    return fullScans;
  }

  @Override
  public void logBeforeExecution(StatementContext context) {
    ParsedSql parsed = context.getParsedSql();
    String verb = parsed.getSql().strip().toUpperCase(Locale.ROOT);
    if (dialect == null || !(verb.startsWith("SELECT") || verb.startsWith("WITH"))) {
      return;
    }
    try {
      List<String> plan = explain(context, parsed);
      explained++;
      if (readsAllAssets(plan)) {
        fullScans.add(parsed.getSql() + "\n  " + String.join("\n  ", plan));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not explain " + parsed.getSql(), e);
    }
  }

  private List<String> explain(StatementContext context, ParsedSql parsed) throws SQLException {
    Connection connection = context.getConnection();
    boolean sqlite = dialect == Dialect.SQLITE;
    if (!sqlite) {
      try (Statement set = connection.createStatement()) {
        set.execute("SET enable_seqscan = off");
      }
    }
    List<String> plan = new ArrayList<>();
    try (PreparedStatement explain =
        connection.prepareStatement(
            (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + parsed.getSql())) {
      List<String> names = parsed.getParameters().getParameterNames();
      for (int i = 0; i < names.size(); i++) {
        Argument argument = context.getBinding().findForName(names.get(i), context).orElseThrow();
        argument.apply(i + 1, explain, context);
      }
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.add(sqlite ? rows.getString("detail") : rows.getString(1));
        }
      }
    } finally {
      if (!sqlite) {
        try (Statement reset = connection.createStatement()) {
          reset.execute("RESET enable_seqscan");
        }
      }
    }
    return plan;
  }

  private boolean readsAllAssets(List<String> plan) {
    for (int i = 0; i < plan.size(); i++) {
      String line = plan.get(i).strip();
      if (dialect == Dialect.SQLITE) {
        if (SQLITE_SCAN.matcher(line).find()) {
          return true;
        }
      } else if (POSTGRES_NODE.matcher(line).find()
          && (line.contains("Seq Scan") || !hasIndexCondition(plan, i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the plan node on line {@code node} narrows its index: its detail lines say how. */
  private static boolean hasIndexCondition(List<String> plan, int node) {
    for (int i = node + 1; i < plan.size() && !plan.get(i).contains("->"); i++) {
      String detail = plan.get(i).strip();
      if (detail.startsWith("Index Cond:") || detail.startsWith("Recheck Cond:")) {
        return true;
      }
    }
    return false;
  }
}
