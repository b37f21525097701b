package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.AssetGroupsApi;
import ai.assetlibrary.api.model.AssetGroupPageResponse;
import ai.assetlibrary.api.model.AssetGroupResponse;
import ai.assetlibrary.api.model.CreateAssetGroupRequest;
import ai.assetlibrary.api.model.DeletedResponse;
import ai.assetlibrary.api.model.GroupKind;
import ai.assetlibrary.api.model.SharePageResponse;
import ai.assetlibrary.api.model.ShareRequest;
import ai.assetlibrary.api.model.ShareResponse;
import ai.assetlibrary.api.model.UpdateAssetGroupRequest;
import ai.assetlibrary.server.auth.Authenticated;
import ai.assetlibrary.server.service.GroupChanges;
import ai.assetlibrary.server.service.GroupListing;
import ai.assetlibrary.server.service.GroupQuery;
import ai.assetlibrary.server.service.GroupService;
import ai.assetlibrary.server.service.ShareService;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /v1/asset-groups}: list, create, read, change, delete and share groups. */
public final class AssetGroupsResource implements AssetGroupsApi {

  private final GroupService groups;
  private final GroupListing listing;
  private final ShareService shares;

  public AssetGroupsResource(GroupService groups, GroupListing listing, ShareService shares) {
    this.groups = groups;
    this.listing = listing;
    this.shares = shares;
  }

  @Override
  public AssetGroupPageResponse listAssetGroups(
      SecurityContext securityContext,
      Integer current,
      Integer size,
      String keyword,
      GroupKind groupKind,
      String status,
      Boolean ownedOnly,
      String createdBy,
      String cursor) {
    var query =
        new GroupQuery(
            current,
            size,
            cursor,
            keyword,
            groupKind == null ? null : groupKind.toString(),
            status,
            ownedOnly,
            createdBy);
    return new AssetGroupPageResponse(
        0, GroupMapper.toPage(listing.list(Authenticated.caller(securityContext), query)), "OK");
  }

  @Override
  public AssetGroupResponse createAssetGroup(
      SecurityContext securityContext, CreateAssetGroupRequest request) {
    var changes =
        new GroupChanges(
            request.getName(),
            request.getGroupKind().toString(),
            request.getDescription(),
            request.getRetentionDays());
    return new AssetGroupResponse(
        0,
        GroupMapper.toDto(groups.create(Authenticated.caller(securityContext), changes)),
        "Asset group created");
  }

  @Override
  public AssetGroupResponse getAssetGroup(SecurityContext securityContext, String groupId) {
    return new AssetGroupResponse(
        0, GroupMapper.toDto(groups.get(Authenticated.caller(securityContext), groupId)), "OK");
  }

  @Override
  public AssetGroupResponse updateAssetGroup(
      SecurityContext securityContext, String groupId, UpdateAssetGroupRequest request) {
    var changes =
        new GroupChanges(
            request.getName(), null, request.getDescription(), request.getRetentionDays());
    return new AssetGroupResponse(
        0,
        GroupMapper.toDto(groups.update(Authenticated.caller(securityContext), groupId, changes)),
        "Asset group updated");
  }

  @Override
  public AssetGroupResponse refreshAssetGroupVerification(
      SecurityContext securityContext, String groupId) {
    return new AssetGroupResponse(
        0,
        GroupMapper.toDto(
            groups.refreshVerification(Authenticated.caller(securityContext), groupId)),
        "Verification link refreshed");
  }

  @Override
  public DeletedResponse deleteAssetGroup(SecurityContext securityContext, String groupId) {
    groups.delete(Authenticated.caller(securityContext), groupId);
    return new DeletedResponse(0, "Deleted successfully", "Asset group deleted");
  }

  @Override
  public SharePageResponse listAssetGroupShares(SecurityContext securityContext, String groupId) {
    return new SharePageResponse(
        0,
        ShareMapper.toPage(shares.listGroupShares(Authenticated.caller(securityContext), groupId)),
        "OK");
  }

  @Override
  public ShareResponse shareAssetGroup(
      SecurityContext securityContext, String groupId, ShareRequest request) {
    var share =
        shares.shareGroup(
            Authenticated.caller(securityContext), groupId, ShareMapper.fromDto(request));
    return new ShareResponse(0, ShareMapper.toDto(share), "Asset group shared");
  }

  @Override
  public DeletedResponse revokeAssetGroupShare(
      SecurityContext securityContext, String groupId, Long userId) {
    shares.revokeGroupShare(Authenticated.caller(securityContext), groupId, userId);
    return new DeletedResponse(0, "Deleted successfully", "Share revoked");
  }
}
