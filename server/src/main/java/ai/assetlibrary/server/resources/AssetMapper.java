package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.Asset;
import ai.assetlibrary.api.model.AssetPage;
import ai.assetlibrary.api.model.ProviderError;
import ai.assetlibrary.api.model.SharePermission;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.service.AssetView;
import ai.assetlibrary.server.service.Page;
import ai.assetlibrary.server.service.PublicUrls;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Converts assets, as a caller sees them, into the unified {@link Asset} record. */
public final class AssetMapper {

  private final PublicUrls urls;

  public AssetMapper(PublicUrls urls) {
    this.urls = urls;
  }

  public Asset toDto(AssetView view) {
    AssetRecord row = view.asset();
    Asset asset =
        new Asset(
                row.id(),
                row.assetId(),
                row.assetId(),
                row.tenantId(),
                row.ownerUserId(),
                view.groupPublicId(),
                row.mimeType(),
                row.assetKind(),
                row.sourceType(),
                row.status(),
                row.name(),
                row.mimeType(),
                row.sizeBytes(),
                urls.file(row.deliveryKey()),
                Times.utc(row.createdAt()),
                Times.utc(row.updatedAt()))
            .userName(view.ownerName())
            .shared(view.grant().isPresent())
            .groupName(view.groupName())
            .assetType(row.assetType())
            .fileType(row.fileType())
            .filename(row.assetId() + "." + row.fileType())
            .originalFilename(row.originalFilename())
            .width(row.width())
            .height(row.height())
            .aspectRatio(aspectRatio(row.width(), row.height()))
            .durationSeconds(row.durationSeconds())
            .frameRate(row.frameRate())
            .expiresAt(Times.utcOrNull(row.expiresAt()));
    view.grant()
        .ifPresent(
            grant ->
                asset
                    .sharePermission(SharePermission.fromValue(grant.permission().name()))
                    .shareExpiresAt(Times.utcOrNull(grant.expiresAt())));
    if (row.thumbnailDeliveryKey() != null) {
      asset.thumbnailUrl(urls.file(row.thumbnailDeliveryKey()));
    }
    if (row.byteplusAssetId() != null) {
      asset
          .byteplusAssetId(row.byteplusAssetId())
          .providerRefs(
              Map.of(
                  "byteplus",
                  Map.of("assetId", row.byteplusAssetId(), "groupId", row.providerGroupId())));
    }
    if (row.providerErrorCode() != null) {
      asset.providerLastError(
          new ProviderError(row.providerErrorCode()).message(row.providerErrorMessage()));
    }
    return asset;
  }

  public AssetPage toPage(Page<AssetView> page) {
    List<Asset> items = page.items().stream().map(this::toDto).toList();
    return new AssetPage(items, items, page.total(), Times.pagination(page));
  }

  /** {@code W:H} reduced by the greatest common divisor, e.g. {@code 16:9}; null when unknown. */
  static String aspectRatio(Integer width, Integer height) {
    if (width == null || height == null || width <= 0 || height <= 0) {
      return null;
    }
    int gcd = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
    return (width / gcd) + ":" + (height / gcd);
  }
}
