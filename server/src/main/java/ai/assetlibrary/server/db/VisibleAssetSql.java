package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetFilter;

/**
 * The SQL of {@link VisibleAssetQuery}, built from the filters actually given (no {@code :x IS NULL
 * OR …}, which would keep the planners off the indexes): each source of visible assets and the
 * conditions of the filter.
 */
final class VisibleAssetSql {

  static final String ACTIVE_SHARE = " AND (s.expires_at IS NULL OR s.expires_at > :now)";

  private static final String OWN_GROUPS =
      "SELECT g.id FROM asset_groups g WHERE g.owner_user_id = :userId";

  private final AssetFilter filter;
  private final boolean nameIndexed;

  /**
   * The SQL of {@code filter}'s list; {@code nameIndexed} when the name index already narrows the
   * assets to the keyword's, which the conditions then leave out.
   */
  VisibleAssetSql(AssetFilter filter, boolean nameIndexed) {
    this.filter = filter;
    this.nameIndexed = nameIndexed;
  }

  /** The caller's own assets, from the owner's indexes. */
  String ownBranch() {
    return "SELECT a.id, a.created_at FROM assets a WHERE a.owner_user_id = :userId"
        + conditions(true);
  }

  /** The assets of one group shared with the caller, from the group's index. */
  String groupBranch() {
    return "SELECT a.id, a.created_at FROM assets a WHERE a.group_id = :sharedGroupId"
        + conditions(true);
  }

  /** The assets shared with the caller one by one (some may also be in a shared group). */
  String directBranch() {
    return "SELECT a.id, a.created_at FROM shares s JOIN assets a ON a.id = s.target_id"
        + ownerJoin()
        + " WHERE s.grantee_user_id = :userId AND s.target_type = 'ASSET'"
        + ACTIVE_SHARE
        + " AND a.tenant_id = :tenantId"
        + conditions(true);
  }

  /**
   * Whether the caller sees the asset {@code a}: theirs, or shared with them, unless owned only.
   */
  String visibleTo() {
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
   * The filter's conditions on the asset {@code a} that is not expired: the equalities, the keyword
   * (unless the name index already matches it), and with {@code afterCursor} the cursor's position.
   */
  String conditions(boolean afterCursor) {
    StringBuilder sql = new StringBuilder(" AND (a.expires_at IS NULL OR a.expires_at > :now)");
    if (filter.groupId() != null) {
      sql.append(" AND a.group_id = :groupId");
    }
    sql.append(equalities("a"));
    if (filter.keyword() != null && !nameIndexed) {
      sql.append(" AND (a.asset_id = :keyword OR lower(a.name) LIKE :namePattern ESCAPE '!')");
    }
    if (afterCursor && filter.afterId() != null) {
      sql.append(" AND (a.created_at < :afterCreatedAt")
          .append(" OR (a.created_at = :afterCreatedAt AND a.id < :afterId))");
    }
    return sql.toString();
  }

  /** The filters that {@code table} (an asset or a tally) carries as columns of its own. */
  String equalities(String table) {
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

  /** The owner of {@code a}, joined only to check the {@code createdBy} filter. */
  String ownerJoin() {
    return filter.createdBy() == null
        ? ""
        : " JOIN users u ON u.id = a.owner_user_id AND u.name = :createdBy";
  }

  /**
   * The groups shared with the caller now; {@code narrowed}, only those the {@code groupId} and
   * {@code createdBy} filters let through.
   */
  String sharedGroupsQuery(boolean narrowed) {
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
  String ownGroups() {
    return OWN_GROUPS + (filter.groupId() == null ? "" : " AND g.id = :groupId");
  }
}
