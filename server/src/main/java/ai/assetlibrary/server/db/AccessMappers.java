package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupAccessRecord;
import ai.assetlibrary.server.records.GroupRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Rows of the "as the caller sees it" queries: the record itself, and what the joins add. */
final class AccessMappers {

  private AccessMappers() {}

  /**
   * A record mapped by its constructor, with what the query's joins add to it: the record's columns
   * are matched once per result set ({@link RowMapper#specialize}), not per row.
   */
  private abstract static class WithJoins<R, T> implements RowMapper<T> {

    private final RowMapper<R> record;

    WithJoins(Class<R> recordType) {
      this.record = ConstructorMapper.of(recordType);
    }

    /** The row as a whole, given its record. */
    abstract T joined(R record, ResultSet rs) throws SQLException;

    @Override
    public final T map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public final RowMapper<T> specialize(ResultSet results, StatementContext context)
        throws SQLException {
      RowMapper<R> matched = record.specialize(results, context);
      return (rs, ctx) -> joined(matched.map(rs, ctx), rs);
    }
  }

  /** An asset with its group, owner and the caller's shares of it. */
  public static final class AssetAccess extends WithJoins<AssetRecord, AssetAccessRecord> {

    public AssetAccess() {
      super(AssetRecord.class);
    }

    @Override
    AssetAccessRecord joined(AssetRecord asset, ResultSet rs) throws SQLException {
      return new AssetAccessRecord(
          asset,
          rs.getString("group_public_id"),
          rs.getString("group_name"),
          rs.getString("owner_name"),
          rs.getString("asset_share_permission"),
          nullableLong(rs, "asset_share_expires_at"),
          rs.getString("group_share_permission"),
          nullableLong(rs, "group_share_expires_at"));
    }
  }

  /** A group with its owner, asset count and the caller's share of it. */
  public static final class GroupAccess extends WithJoins<GroupRecord, GroupAccessRecord> {

    public GroupAccess() {
      super(GroupRecord.class);
    }

    @Override
    GroupAccessRecord joined(GroupRecord group, ResultSet rs) throws SQLException {
      return new GroupAccessRecord(
          group,
          rs.getString("owner_name"),
          rs.getLong("asset_count"),
          rs.getString("share_permission"),
          nullableLong(rs, "share_expires_at"));
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
