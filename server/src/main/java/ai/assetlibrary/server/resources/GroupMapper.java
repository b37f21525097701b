package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.AssetGroup;
import ai.assetlibrary.api.model.AssetGroupPage;
import ai.assetlibrary.api.model.GroupKind;
import ai.assetlibrary.api.model.SharePermission;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.service.GroupView;
import ai.assetlibrary.server.service.Page;
import java.net.URI;
import java.util.List;

/** Converts groups, as a caller sees them, into {@link AssetGroup}. */
final class GroupMapper {

  private GroupMapper() {}

  static AssetGroup toDto(GroupView view) {
    GroupRecord row = view.group();
    AssetGroup group =
        new AssetGroup(
                row.publicId(),
                row.publicId(),
                row.name(),
                GroupKind.fromValue(row.groupKind()),
                row.status(),
                row.tenantId(),
                row.ownerUserId(),
                view.grant().isPresent(),
                Times.utc(row.createdAt()),
                Times.utc(row.updatedAt()))
            .description(row.description())
            .retentionDays(row.retentionDays())
            .userName(view.ownerName())
            .assetCount(view.assetCount());
    if (view.grant().isEmpty() && row.h5Link() != null) {
      group
          .h5Link(URI.create(row.h5Link()))
          .h5LinkExpiresAt(Times.utcOrNull(row.h5LinkExpiresAt()));
    }
    view.grant()
        .ifPresent(
            grant ->
                group
                    .sharePermission(SharePermission.fromValue(grant.permission().name()))
                    .shareExpiresAt(Times.utcOrNull(grant.expiresAt())));
    return group;
  }

  static AssetGroupPage toPage(Page<GroupView> page) {
    List<AssetGroup> items = page.items().stream().map(GroupMapper::toDto).toList();
    return new AssetGroupPage(items, items, page.total(), Times.pagination(page));
  }
}
