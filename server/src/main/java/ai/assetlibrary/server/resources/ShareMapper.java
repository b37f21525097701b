package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.Share;
import ai.assetlibrary.api.model.SharePage;
import ai.assetlibrary.api.model.SharePermission;
import ai.assetlibrary.api.model.ShareRequest;
import ai.assetlibrary.server.records.ShareRecord;
import ai.assetlibrary.server.service.Page;
import ai.assetlibrary.server.service.Permission;
import ai.assetlibrary.server.service.ShareService;
import ai.assetlibrary.server.service.ShareService.ShareView;
import java.util.List;

/** Converts shares between the wire and the service. */
final class ShareMapper {

  private ShareMapper() {}

  static ShareService.ShareRequest fromDto(ShareRequest request) {
    return new ShareService.ShareRequest(
        request.getUserId(),
        request.getPermission() == null
            ? null
            : Permission.valueOf(request.getPermission().toString()),
        Times.epochMillisOrNull(request.getExpiresAt()));
  }

  static Share toDto(ShareView view) {
    ShareRecord row = view.share();
    return new Share(
            Share.TargetTypeEnum.fromValue(row.targetType()),
            view.targetPublicId(),
            row.granteeUserId(),
            SharePermission.fromValue(row.permission()),
            Times.utc(row.createdAt()))
        .userName(row.granteeName())
        .expiresAt(Times.utcOrNull(row.expiresAt()));
  }

  static SharePage toPage(Page<ShareView> page) {
    List<Share> items = page.items().stream().map(ShareMapper::toDto).toList();
    return new SharePage(items, items, page.total(), Times.pagination(page));
  }
}
