package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.GroupAccessRecord;
import ai.assetlibrary.server.records.GroupRecord;
import java.util.Optional;

/** A group as one caller sees it, with the share through which they see it (empty: owner). */
public record GroupView(
    GroupRecord group, String ownerName, long assetCount, Optional<Grant> grant) {

  static GroupView of(GroupAccessRecord row, long callerId) {
    Optional<Grant> grant =
        row.group().ownerUserId() == callerId
            ? Optional.empty()
            : Grant.of(row.sharePermission(), row.shareExpiresAt());
    return new GroupView(row.group(), row.ownerName(), row.assetCount(), grant);
  }

  boolean owned() {
    return grant.isEmpty();
  }

  /** Whether the caller may do what {@code needed} allows: owners may do everything. */
  boolean allows(Permission needed) {
    return grant.map(g -> g.permission().includes(needed)).orElse(true);
  }
}
