package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One page of the assets a caller may see, and their exact number, at a cost that does not grow
 * with the library: each source of visibility (the caller's own assets, each group shared with
 * them, the assets shared with them one by one) is read in list order from its own index, only as
 * far as the page reaches, and the sources are merged; the number is summed from the tallies the
 * database keeps per group. A keyword is looked up in the name index instead, so its cost follows
 * the names that match.
 */
final class VisibleAssetQuery {

  /** A list position: newest first, ties broken by id, both descending. */
  private record Key(long id, long createdAt) {}

  /** One source of visible assets: its query (unordered) and the arguments of its own. */
  private record Branch(String sql, Map<String, Object> arguments) {}

  private static final Comparator<Key> LIST_ORDER =
      Comparator.comparingLong(Key::createdAt).thenComparingLong(Key::id).reversed();

  private static final String ORDER = " ORDER BY a.created_at DESC, a.id DESC";

  private static final String OWN_GROUPS =
      "SELECT g.id FROM asset_groups g WHERE g.owner_user_id = :userId";

  private static final String ACTIVE_SHARE = " AND (s.expires_at IS NULL OR s.expires_at > :now)";

  private final Handle handle;
  private final AssetFilter filter;
  private final Optional<String> nameCandidates;

  VisibleAssetQuery(Handle handle, Dialect dialect, AssetFilter filter) {
    this.handle = handle;
    this.filter = filter;
    this.nameCandidates =
        filter.keyword() == null ? Optional.empty() : dialect.nameCandidates(filter.keyword());
  }

  /** The page the filter's offset and limit select. */
  List<AssetAccessRecord> page() {
    List<Branch> branches = new ArrayList<>();
    if (nameCandidates.isPresent()) {
      branches.add(new Branch(byName("a.id, a.created_at") + conditions(true), Map.of()));
    } else {
      if (ownedIncluded() && anyTallied(ownGroups(), Map.of())) {
        branches.add(new Branch(ownBranch(), Map.of()));
      }
      if (!filter.ownedOnly()) {
        for (long group : sharedGroups()) {
          Map<String, Object> shared = Map.of("sharedGroupId", group);
          if (anyTallied(":sharedGroupId", shared)) {
            branches.add(new Branch(groupBranch(), shared));
          }
        }
        if (anyDirectShare()) {
          branches.add(new Branch(directBranch(), Map.of()));
        }
      }
    }
    if (branches.size() == 1) {
      return rows(
          keys(branches.get(0), " LIMIT :limit OFFSET :offset").stream().map(Key::id).toList());
    }
    TreeSet<Key> merged = new TreeSet<>(LIST_ORDER);
    for (Branch branch : branches) {
      merged.addAll(keys(branch, " LIMIT " + Math.addExact(filter.offset(), filter.limit())));
    }
    return rows(merged.stream().skip(filter.offset()).limit(filter.limit()).map(Key::id).toList());
  }

  /** How many assets the filter selects, the offset and limit aside. */
  long count() {
    if (nameCandidates.isPresent()) {
      return bound(byName("count(*)") + conditions(false)).mapTo(Long.class).one();
    }
    if (filter.keyword() != null) {
      return bound("SELECT count(*) FROM assets a WHERE " + visibleTo() + conditions(false))
          .mapTo(Long.class)
          .one();
    }
    String groups = countedGroups();
    StringBuilder sql = new StringBuilder("SELECT 0");
    if (!groups.isEmpty()) {
      sql.append(" + (SELECT coalesce(sum(t.asset_count), 0) FROM asset_tallies t")
          .append(" WHERE t.group_id IN (")
          .append(groups)
          .append(')')
          .append(equalities("t"))
          .append(") - (SELECT count(*) FROM assets a WHERE a.group_id IN (")
          .append(groups)
          .append(") AND a.expires_at IS NOT NULL AND a.expires_at <= :now")
          .append(equalities("a"))
          .append(')');
    }
    if (!filter.ownedOnly()) {
      sql.append(" + (SELECT count(*) FROM shares s JOIN assets a ON a.id = s.target_id")
          .append(ownerJoin())
          .append(" WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'")
          .append(ACTIVE_SHARE)
          .append(" AND a.tenant_id = :tenantId")
          .append(conditions(false))
          .append(" AND a.group_id NOT IN (")
          .append(sharedGroupsQuery(false))
          .append("))");
    }
    return bound(sql.toString()).mapTo(Long.class).one();
  }

  /**
   * Whether the tallies of {@code groups} count any asset with the filter's type, kind and status:
   * a branch with none is not read at all, however large its index.
   */
  private boolean anyTallied(String groups, Map<String, Object> extra) {
    String sql =
        "SELECT count(*) FROM asset_tallies t WHERE t.group_id IN ("
            + groups
            + ")"
            + equalities("t")
            + " AND t.asset_count > 0";
    return bound(sql).bindMap(extra).mapTo(Long.class).one() > 0;
  }

  /** Whether an asset is shared with the caller one by one. */
  private boolean anyDirectShare() {
    String sql =
        "SELECT s.id FROM shares s WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'"
            + ACTIVE_SHARE
            + " LIMIT 1";
    return !bound(sql).mapTo(Long.class).list().isEmpty();
  }

  /** The caller's own assets, from the owner's indexes. */
  private String ownBranch() {
    return "SELECT a.id, a.created_at FROM assets a WHERE a.owner_user_id = :userId"
        + conditions(true);
  }

  /** The assets of one group shared with the caller, from the group's index. */
  private String groupBranch() {
    return "SELECT a.id, a.created_at FROM assets a WHERE a.group_id = :sharedGroupId"
        + conditions(true);
  }

  /** The assets shared with the caller one by one (some may also be in a shared group). */
  private String directBranch() {
    return "SELECT a.id, a.created_at FROM shares s JOIN assets a ON a.id = s.target_id"
        + ownerJoin()
        + " WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'"
        + ACTIVE_SHARE
        + " AND a.tenant_id = :tenantId"
        + conditions(true);
  }

  /**
   * {@code columns} of the visible candidates of the name index (and of the asset whose public id
   * is the keyword), the candidates found first, whatever the planner would rather do.
   */
  private String byName(String columns) {
    return "WITH c AS MATERIALIZED ("
        + nameCandidates.orElseThrow()
        + ") SELECT "
        + columns
        + " FROM c JOIN assets a ON a.id = c.id WHERE "
        + visibleTo();
  }

  /**
   * Whether the caller sees the asset {@code a}: theirs, or shared with them, unless owned only.
   */
  private String visibleTo() {
    String owner =
        filter.createdBy() == null
            ? ""
            : " AND a.owner_user_id IN (SELECT id FROM users WHERE name = :createdBy)";
    if (filter.ownedOnly()) {
      return "a.owner_user_id = :userId" + owner;
    }
    return "a.tenant_id = :tenantId AND (a.owner_user_id = :userId"
        + " OR EXISTS (SELECT 1 FROM shares s WHERE s.target_type = 'ASSET'"
        + " AND s.target_id = a.id AND s.grantee_user_id = :userId"
        + ACTIVE_SHARE
        + ") OR EXISTS (SELECT 1 FROM shares s WHERE s.target_type = 'GROUP'"
        + " AND s.target_id = a.group_id AND s.grantee_user_id = :userId"
        + ACTIVE_SHARE
        + "))"
        + owner;
  }

  /**
   * The filter's conditions on the asset {@code a} that is not expired: the equalities, the
   * keyword, and with {@code afterCursor} the cursor's position.
   */
  private String conditions(boolean afterCursor) {
    StringBuilder sql = new StringBuilder(" AND (a.expires_at IS NULL OR a.expires_at > :now)");
    if (filter.groupId() != null) {
      sql.append(" AND a.group_id = :groupId");
    }
    sql.append(equalities("a"));
    if (filter.keyword() != null) {
      sql.append(" AND (a.asset_id = :keyword OR lower(a.name) LIKE :namePattern ESCAPE '!')");
    }
    if (afterCursor && filter.afterId() != null) {
      sql.append(" AND (a.created_at < :afterCreatedAt")
          .append(" OR (a.created_at = :afterCreatedAt AND a.id < :afterId))");
    }
    return sql.toString();
  }

  /** The filters that {@code table} (an asset or a tally) carries as columns of its own. */
  private String equalities(String table) {
    StringBuilder sql = new StringBuilder();
    if (filter.mediaFamily() != null) {
      sql.append(" AND ").append(table).append(".media_type = :mediaFamily");
    }
    if (filter.mimeType() != null) {
      sql.append(" AND ").append(table).append(".mime_type = :mimeType");
    }
    if (filter.assetKind() != null) {
      sql.append(" AND ").append(table).append(".asset_kind = :assetKind");
    }
    if (filter.status() != null) {
      sql.append(" AND ").append(table).append(".status = :status");
    }
    return sql.toString();
  }

  private String ownerJoin() {
    return filter.createdBy() == null
        ? ""
        : " JOIN users u ON u.id = a.owner_user_id AND u.name = :createdBy";
  }

  /** Whether the caller's own assets pass the {@code createdBy} filter. */
  private boolean ownedIncluded() {
    return filter.createdBy() == null
        || bound("SELECT count(*) FROM users WHERE id = :userId AND name = :createdBy")
                .mapTo(Long.class)
                .one()
            > 0;
  }

  /** The groups shared with the caller, narrowed by the filter's group and owner when asked. */
  private List<Long> sharedGroups() {
    return bound(sharedGroupsQuery(true)).mapTo(Long.class).list();
  }

  private String sharedGroupsQuery(boolean narrowed) {
    String sql =
        "SELECT s.target_id FROM shares s WHERE s.grantee_user_id = :userId"
            + " AND s.target_type = 'GROUP'"
            + ACTIVE_SHARE;
    if (!narrowed) {
      return sql;
    }
    if (filter.groupId() != null) {
      sql += " AND s.target_id = :groupId";
    }
    if (filter.createdBy() != null) {
      sql +=
          " AND s.target_id IN (SELECT g.id FROM asset_groups g JOIN users u"
              + " ON u.id = g.owner_user_id WHERE u.name = :createdBy)";
    }
    return sql;
  }

  /** The caller's own groups, or the filter's group if it is one of them. */
  private String ownGroups() {
    return OWN_GROUPS + (filter.groupId() == null ? "" : " AND g.id = :groupId");
  }

  /** The groups whose tallies the count sums: the caller's own, and those shared with them. */
  private String countedGroups() {
    List<String> parts = new ArrayList<>();
    if (ownedIncluded()) {
      parts.add(ownGroups());
    }
    if (!filter.ownedOnly()) {
      parts.add(sharedGroupsQuery(true));
    }
    return String.join(" UNION ALL ", parts);
  }

  /** A source's positions in list order, as far as {@code limit} (a LIMIT clause) reaches. */
  private List<Key> keys(Branch branch, String limit) {
    return bound(branch.sql() + ORDER + limit)
        .bindMap(branch.arguments())
        .map((rs, ctx) -> new Key(rs.getLong("id"), rs.getLong("created_at")))
        .list();
  }

  /** The full rows of {@code ids}, as the caller sees them, in the order given. */
  private List<AssetAccessRecord> rows(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, AssetAccessRecord> byId = new HashMap<>();
    handle
        .createQuery(AssetDao.VISIBLE + " AND a.id IN (<ids>)")
        .bindMethods(filter)
        .bindList("ids", ids)
        .map(new AccessMappers.AssetAccess())
        .forEach(row -> byId.put(row.asset().id(), row));
    return ids.stream().map(byId::get).filter(row -> row != null).toList();
  }

  private Query bound(String sql) {
    Query query = handle.createQuery(sql).bindMethods(filter);
    if (sql.contains(":namePhrase")) {
      query.bind("namePhrase", '"' + filter.keyword().replace("\"", "\"\"") + '"');
    }
    return query;
  }
}
