package ai.assetlibrary.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row mapper for one fixed query, which matches the query's columns to the record on its first
 * result set and keeps the match: every later result set of that query has the same columns in the
 * same order, so matching them again on every request would only cost time.
 */
final class MatchedOnce<T> implements RowMapper<T> {

  private final RowMapper<T> mapper;
  private volatile RowMapper<T> matched;

  MatchedOnce(RowMapper<T> mapper) {
    this.mapper = mapper;
  }

  @Override
  public T map(ResultSet rs, StatementContext ctx) throws SQLException {
    return specialize(rs, ctx).map(rs, ctx);
  }

  @Override
  public RowMapper<T> specialize(ResultSet results, StatementContext context) throws SQLException {
    RowMapper<T> known = matched;
    if (known == null) {
      known = mapper.specialize(results, context);
      matched = known;
    }
    return known;
  }
}
