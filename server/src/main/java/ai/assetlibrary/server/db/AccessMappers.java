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

/**
 * Rows of the "as the caller sees it" queries: the record itself, and what the joins add. Each
 * matches the record's columns once per result set ({@link RowMapper#specialize}), not per row.
 */
final class AccessMappers {

  private AccessMappers() {}

  /** An asset with its group, owner and the caller's shares of it. */
  public static final class AssetAccess implements RowMapper<AssetAccessRecord> {

    private final RowMapper<AssetRecord> asset = ConstructorMapper.of(AssetRecord.class);

    @Override
    public AssetAccessRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<AssetAccessRecord> specialize(ResultSet results, StatementContext context)
        throws SQLException {
      RowMapper<AssetRecord> matched = asset.specialize(results, context);
      return (rs, ctx) -> map(matched, rs, ctx);
    }

    private static AssetAccessRecord map(
        RowMapper<AssetRecord> asset, ResultSet rs, StatementContext ctx) throws SQLException {
      return new AssetAccessRecord(
          asset.map(rs, ctx),
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
  public static final class GroupAccess implements RowMapper<GroupAccessRecord> {

    private final RowMapper<GroupRecord> group = ConstructorMapper.of(GroupRecord.class);

    @Override
    public GroupAccessRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<GroupAccessRecord> specialize(ResultSet results, StatementContext context)
        throws SQLException {
      RowMapper<GroupRecord> matched = group.specialize(results, context);
      return (rs, ctx) -> map(matched, rs, ctx);
    }

    private static GroupAccessRecord map(
        RowMapper<GroupRecord> group, ResultSet rs, StatementContext ctx) throws SQLException {
      return new GroupAccessRecord(
          group.map(rs, ctx),
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
