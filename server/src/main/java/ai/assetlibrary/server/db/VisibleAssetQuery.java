package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetFilter;
import ai.assetlibrary.server.records.AssetPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  private final Handle handle;
  private final AssetFilter filter;
  private final Optional<String> nameCandidates;
  private final VisibleAssetSql sql;

  VisibleAssetQuery(Handle handle, Dialect dialect, AssetFilter filter) {
    this.handle = handle;
    this.filter = filter;
    this.nameCandidates =
        filter.keyword() == null ? Optional.empty() : dialect.nameCandidates(filter.keyword());
    this.sql = new VisibleAssetSql(filter, nameCandidates);
  }

  /** The page the filter's offset, limit and position select, and how many it selects in all. */
  AssetPage page() {
    if (nameCandidates.isPresent()) {
      return byNamePage();
    }
    boolean owned = ownedIncluded();
    return new AssetPage(rows(pageIds(owned)), count(owned));
  }

  /**
   * The page's ids, from each source of visible assets that may hold some; the caller's own among
   * them if {@code owned}.
   */
  private List<Long> pageIds(boolean owned) {
    List<Branch> branches = new ArrayList<>();
    if (owned && anyTallied(sql.ownGroups(), Map.of())) {
      branches.add(new Branch(sql.ownBranch(), Map.of()));
    }
    if (!filter.ownedOnly()) {
      for (long group : sharedGroups()) {
        Map<String, Object> shared = Map.of("sharedGroupId", group);
        if (anyTallied(":sharedGroupId", shared)) {
          branches.add(new Branch(sql.groupBranch(), shared));
        }
      }
      if (anyDirectShare()) {
        branches.add(new Branch(sql.directBranch(), Map.of()));
      }
    }
    if (branches.size() == 1) {
      return keys(branches.get(0), " LIMIT :limit OFFSET :offset").stream().map(Key::id).toList();
    }
    TreeSet<Key> merged = new TreeSet<>(LIST_ORDER);
    for (Branch branch : branches) {
      merged.addAll(keys(branch, " LIMIT " + Math.addExact(filter.offset(), filter.limit())));
    }
    return merged.stream().skip(filter.offset()).limit(filter.limit()).map(Key::id).toList();
  }

  /**
   * A name search's page and total from one statement, which consults the name index once; a page
   * past the end (no row to carry the total) counts on its own.
   */
  private AssetPage byNamePage() {
    String statement =
        sql.candidates()
            + ", v AS MATERIALIZED (SELECT a.id, a.created_at"
            + sql.fromCandidates()
            + sql.conditions(false)
            + ") SELECT v.id, (SELECT count(*) FROM v) AS total FROM v"
            + (filter.afterId() == null
                ? ""
                : " WHERE v.created_at < :afterCreatedAt"
                    + " OR (v.created_at = :afterCreatedAt AND v.id < :afterId)")
            + " ORDER BY v.created_at DESC, v.id DESC LIMIT :limit OFFSET :offset";
    List<long[]> found =
        bound(statement)
            .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("total")})
            .list();
    if (found.isEmpty()) {
      return new AssetPage(List.of(), nameCount());
    }
    return new AssetPage(
        rows(found.stream().map(idAndTotal -> idAndTotal[0]).toList()), found.get(0)[1]);
  }

  /** How many assets the name search finds, for a page past its end. */
  private long nameCount() {
    return bound(
            sql.candidates() + " SELECT count(*)" + sql.fromCandidates() + sql.conditions(false))
        .mapTo(Long.class)
        .one();
  }

  /**
   * How many assets the filter selects, the offset and limit aside; the caller's own among them if
   * {@code owned}.
   */
  private long count(boolean owned) {
    if (filter.keyword() != null) {
      return bound("SELECT count(*) FROM assets a WHERE " + sql.visibleTo() + sql.conditions(false))
          .mapTo(Long.class)
          .one();
    }
    String groups = countedGroups(owned);
    StringBuilder total = new StringBuilder("SELECT 0");
    if (!groups.isEmpty()) {
      total
          .append(" + (SELECT coalesce(sum(t.asset_count), 0) FROM asset_tallies t")
          .append(" WHERE t.group_id IN (")
          .append(groups)
          .append(')')
          .append(sql.equalities("t"))
          .append(") - (SELECT count(*) FROM assets a WHERE a.group_id IN (")
          .append(groups)
          .append(") AND a.expires_at IS NOT NULL AND a.expires_at <= :now")
          .append(sql.equalities("a"))
          .append(')');
    }
    if (!filter.ownedOnly()) {
      total
          .append(" + (SELECT count(*) FROM shares s JOIN assets a ON a.id = s.target_id")
          .append(sql.ownerJoin())
          .append(" WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'")
          .append(VisibleAssetSql.ACTIVE_SHARE)
          .append(" AND a.tenant_id = :tenantId")
          .append(sql.conditions(false))
          .append(" AND a.group_id NOT IN (")
          .append(sql.sharedGroupsQuery(false))
          .append("))");
    }
    return bound(total.toString()).mapTo(Long.class).one();
  }

  /**
   * Whether the tallies of {@code groups} count any asset with the filter's type, kind and status:
   * a branch with none is not read at all, however large its index.
   */
  private boolean anyTallied(String groups, Map<String, Object> extra) {
    String statement =
        "SELECT count(*) FROM asset_tallies t WHERE t.group_id IN ("
            + groups
            + ")"
            + sql.equalities("t")
            + " AND t.asset_count > 0";
    return bound(statement).bindMap(extra).mapTo(Long.class).one() > 0;
  }

  /** Whether an asset is shared with the caller one by one. */
  private boolean anyDirectShare() {
    String statement =
        "SELECT s.id FROM shares s WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'"
            + VisibleAssetSql.ACTIVE_SHARE
            + " LIMIT 1";
    return !bound(statement).mapTo(Long.class).list().isEmpty();
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
    return bound(sql.sharedGroupsQuery(true)).mapTo(Long.class).list();
  }

  /** The groups whose tallies the count sums: the caller's own, and those shared with them. */
  private String countedGroups(boolean owned) {
    List<String> parts = new ArrayList<>();
    if (owned) {
      parts.add(sql.ownGroups());
    }
    if (!filter.ownedOnly()) {
      parts.add(sql.sharedGroupsQuery(true));
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
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private Query bound(String statement) {
    Query query = handle.createQuery(statement).bindMethods(filter);
    if (statement.contains(":namePhrase")) {
      query.bind("namePhrase", '"' + filter.keyword().replace("\"", "\"\"") + '"');
    }
    return query;
  }
}
