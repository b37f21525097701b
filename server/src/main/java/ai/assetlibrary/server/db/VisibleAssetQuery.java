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
 * the names that match, as far as {@link AssetPage#COUNTED_MATCHES} of them: a keyword that matches
 * more is paged like the other filters, from the list-order indexes, its number a lower bound.
 */
final class VisibleAssetQuery {

  /** A list position: newest first, ties broken by id, both descending. */
  private record Key(long id, long createdAt) {}

  /** A row of a name search: an id of the page (null when it is empty) and the total. */
  private record Match(Long id, long total) {}

  /** One source of visible assets: its query (unordered) and the arguments of its own. */
  private record Branch(String sql, Map<String, Object> arguments) {}

  private static final Comparator<Key> LIST_ORDER =
      Comparator.comparingLong(Key::createdAt).thenComparingLong(Key::id).reversed();

  private static final String ORDER = " ORDER BY a.created_at DESC, a.id DESC";

  private final Handle handle;
  private final AssetFilter filter;
  private final Optional<String> nameMatches;
  private final VisibleAssetSql sql;

  VisibleAssetQuery(Handle handle, Dialect dialect, AssetFilter filter) {
    this.handle = handle;
    this.filter = filter;
    this.nameMatches =
        filter.keyword() == null ? Optional.empty() : dialect.nameMatches(filter.keyword());
    this.sql = new VisibleAssetSql(filter, false);
  }

  /** The page the filter's offset, limit and position select, and how many it selects in all. */
  AssetPage page() {
    if (filter.keyword() == null) {
      boolean owned = ownedIncluded();
      return new AssetPage(rows(pageIds(owned)), count(owned), true);
    }
    if (nameMatches.isPresent()) {
      return byNamePage(nameMatches.get())
          .orElseGet(
              () ->
                  new AssetPage(rows(pageIds(ownedIncluded())), AssetPage.COUNTED_MATCHES, false));
    }
    long counted = countedMatches();
    return new AssetPage(
        rows(pageIds(ownedIncluded())),
        Math.min(counted, AssetPage.COUNTED_MATCHES),
        counted <= AssetPage.COUNTED_MATCHES);
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
   * A name search's page and exact total from one statement, which consults the name index once and
   * reads at most one more match than {@link AssetPage#COUNTED_MATCHES}; empty when there are more
   * (then the matches read are not the newest).
   */
  private Optional<AssetPage> byNamePage(String nameMatches) {
    VisibleAssetSql indexed = new VisibleAssetSql(filter, true);
    String visible = " AND " + indexed.visibleTo() + indexed.conditions(false);
    String statement =
        "WITH v AS MATERIALIZED (SELECT m.id, m.created_at FROM (SELECT a.id, a.created_at FROM"
            + nameMatches
            + visible
            + " LIMIT "
            + (AssetPage.COUNTED_MATCHES + 1)
            + ") m UNION SELECT a.id, a.created_at FROM assets a WHERE a.asset_id = :keyword"
            + visible
            + ") SELECT p.id, t.total FROM (SELECT count(*) AS total FROM v) t"
            + " LEFT JOIN (SELECT v.id, v.created_at FROM v"
            + (filter.afterId() == null
                ? ""
                : " WHERE v.created_at < :afterCreatedAt"
                    + " OR (v.created_at = :afterCreatedAt AND v.id < :afterId)")
            + " ORDER BY v.created_at DESC, v.id DESC LIMIT :limit OFFSET :offset) p ON 1 = 1"
            + " ORDER BY p.created_at DESC, p.id DESC";
    List<Match> found =
        bound(statement)
            .map(
                (rs, ctx) -> {
                  long id = rs.getLong("id");
                  return new Match(rs.wasNull() ? null : id, rs.getLong("total"));
                })
            .list();
    long total = found.get(0).total();
    if (total > AssetPage.COUNTED_MATCHES) {
      return Optional.empty();
    }
    List<Long> ids = found.stream().map(Match::id).filter(Objects::nonNull).toList();
    return Optional.of(new AssetPage(rows(ids), total, true));
  }

  /**
   * How many assets a keyword that the name index cannot narrow finds, counted as far as one past
   * {@link AssetPage#COUNTED_MATCHES}.
   */
  private long countedMatches() {
    return bound(
            "SELECT count(*) FROM (SELECT 1 FROM assets a WHERE "
                + sql.visibleTo()
                + sql.conditions(false)
                + " LIMIT "
                + (AssetPage.COUNTED_MATCHES + 1)
                + ") m")
        .mapTo(Long.class)
        .one();
  }

  /**
   * How many assets the filter selects, the offset and limit aside; the caller's own among them if
   * {@code owned}.
   */
  private long count(boolean owned) {
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
