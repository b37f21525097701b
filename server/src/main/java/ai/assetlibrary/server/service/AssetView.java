package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetRecord;
import java.util.Optional;

/**
 * An asset as one caller sees it: the stored row, its group, its owner, and the share through which
 * the caller sees it (empty for the owner): everything its record shows.
 */
public record AssetView(
    AssetRecord asset,
    String groupPublicId,
    String groupName,
    String ownerName,
    Optional<Grant> grant) {

  /**
   * An asset just uploaded into {@code group}, as its uploader sees it: no share of the asset
   * itself exists yet, so the uploader's access is the group's.
   */
  static AssetView uploaded(AssetRecord asset, GroupView group) {
    return new AssetView(
        asset, group.group().publicId(), group.group().name(), group.ownerName(), group.grant());
  }

  static AssetView of(AssetAccessRecord row, long callerId) {
    Optional<Grant> grant =
        row.asset().ownerUserId() == callerId
            ? Optional.empty()
            : Grant.strongest(
                Grant.of(row.assetSharePermission(), row.assetShareExpiresAt()),
                Grant.of(row.groupSharePermission(), row.groupShareExpiresAt()));
    return new AssetView(row.asset(), row.groupPublicId(), row.groupName(), row.ownerName(), grant);
  }

  /** Whether the caller may do what {@code needed} allows: owners may do everything. */
  boolean allows(Permission needed) {
    return grant.map(g -> g.permission().includes(needed)).orElse(true);
  }
}
