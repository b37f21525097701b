package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.ShareRecord;
import ai.assetlibrary.server.records.ShareRecords;
import ai.assetlibrary.server.records.ShareTarget;
import ai.assetlibrary.server.records.UserRecord;
import java.time.Clock;
import java.util.List;

/**
 * Sharing an asset or a group with another user of the same tenant. Only owners share; a share of a
 * group reaches every asset in it. Expired and revoked shares stop counting at once.
 */
public final class ShareService {

  static final String ASSET = "ASSET";
  static final String GROUP = "GROUP";

  private final RecordStore records;
  private final AssetService assets;
  private final GroupService groups;
  private final Clock clock;

  public ShareService(RecordStore records, AssetService assets, GroupService groups, Clock clock) {
    this.records = records;
    this.assets = assets;
    this.groups = groups;
    this.clock = clock;
  }

  /** What a share names and for how long; null {@code expiresAt}: no end. */
  public record ShareRequest(Long userId, Permission permission, Long expiresAt) {}

  /** A share and the public id of what it shares. */
  public record ShareView(ShareRecord share, String targetPublicId) {}

  public ShareView shareAsset(Caller caller, String assetId, ShareRequest request) {
    AssetView asset = assets.requireOwned(caller, assetId);
    return grant(caller, ASSET, asset.asset().id(), assetId, request);
  }

  public ShareView shareGroup(Caller caller, String groupId, ShareRequest request) {
    GroupView group = groups.requireOwned(caller, groupId);
    if (group.group().isDefault()) {
      throw new LibraryException(
          Failure.DEFAULT_GROUP_PROTECTED,
          "The default library group cannot be shared; share a group or its assets instead.");
    }
    return grant(caller, GROUP, group.group().id(), group.group().publicId(), request);
  }

  public Page<ShareView> listAssetShares(Caller caller, String assetId) {
    AssetView asset = assets.requireOwned(caller, assetId);
    return list(ASSET, asset.asset().id(), assetId);
  }

  public Page<ShareView> listGroupShares(Caller caller, String groupId) {
    GroupView group = groups.requireOwned(caller, groupId);
    return list(GROUP, group.group().id(), group.group().publicId());
  }

  public void revokeAssetShare(Caller caller, String assetId, long userId) {
    revoke(ASSET, assets.requireOwned(caller, assetId).asset().id(), userId);
  }

  public void revokeGroupShare(Caller caller, String groupId, long userId) {
    revoke(GROUP, groups.requireOwned(caller, groupId).group().id(), userId);
  }

  private ShareView grant(
      Caller caller, String targetType, long targetId, String publicId, ShareRequest request) {
    if (request.userId() == caller.userId()) {
      throw LibraryException.invalidField("userId", "You cannot share with yourself.");
    }
    long now = clock.millis();
    if (request.expiresAt() != null && request.expiresAt() <= now) {
      throw LibraryException.invalidField("expiresAt", "'expiresAt' must be in the future.");
    }
    UserRecord grantee =
        records
            .accounts()
            .findUserInTenant(caller.tenantId(), request.userId())
            .orElseThrow(
                () ->
                    new LibraryException(
                        Failure.SHARE_USER_NOT_FOUND, "No such user in your tenant."));
    ShareRecords shares = records.shares();
    shares.upsert(
        caller.tenantId(),
        targetType,
        targetId,
        grantee.id(),
        request.permission().name(),
        request.expiresAt(),
        now);
    return new ShareView(shares.find(targetType, targetId, grantee.id()).orElseThrow(), publicId);
  }

  private Page<ShareView> list(String targetType, long targetId, String publicId) {
    List<ShareView> shares =
        records.shares().listActive(targetType, targetId, clock.millis()).stream()
            .map(share -> new ShareView(share, publicId))
            .toList();
    return new Page<>(shares, shares.size(), 1, Math.max(1, shares.size()));
  }

  /**
   * Deletes the share and gives the assets it reached new delivery URLs: the one who lost access
   * may have kept the old ones, which stop serving at once.
   */
  private void revoke(String targetType, long targetId, long userId) {
    long now = clock.millis();
    records.useTransaction(
        tx -> {
          if (tx.shares().delete(targetType, targetId, userId) == 0) {
            throw new LibraryException(Failure.SHARE_NOT_FOUND, "No such share.");
          }
          renewDeliveryKeys(tx.assets(), new ShareTarget(targetType, targetId), now);
        });
  }

  /**
   * Deletes the shares that have expired, renewing the delivery URLs of what they reached as a
   * revoke does; returns how many were deleted. (Expired shares grant nothing from the moment they
   * expire; this retires the URLs their grantees may have kept.)
   */
  public int deleteExpired() {
    long now = clock.millis();
    return records.inTransaction(
        tx -> {
          ShareRecords shareDao = tx.shares();
          AssetRecords assetDao = tx.assets();
          for (ShareTarget target : shareDao.findExpiredTargets(now)) {
            renewDeliveryKeys(assetDao, target, now);
          }
          return shareDao.deleteExpired(now);
        });
  }

  private static void renewDeliveryKeys(AssetRecords assetDao, ShareTarget target, long now) {
    List<AssetRecord> reached =
        ASSET.equals(target.targetType())
            ? assetDao.findById(target.targetId()).stream().toList()
            : assetDao.findInGroup(target.targetId());
    for (AssetRecord asset : reached) {
      assetDao.replaceDeliveryKeys(
          asset.id(),
          PublicIds.renewedDeliveryKey(asset.deliveryKey()),
          asset.thumbnailDeliveryKey() == null
              ? null
              : PublicIds.renewedDeliveryKey(asset.thumbnailDeliveryKey()),
          now);
    }
  }
}
