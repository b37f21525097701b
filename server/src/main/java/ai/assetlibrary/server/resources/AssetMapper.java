package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.Asset;
import ai.assetlibrary.server.db.AssetRow;
import ai.assetlibrary.server.db.AssetView;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts stored assets into the unified {@link Asset} record. */
public final class AssetMapper {

  private final PublicUrls urls;

  public AssetMapper(PublicUrls urls) {
    this.urls = urls;
  }

  public Asset toDto(AssetView view) {
    AssetRow row = view.asset();
    Asset asset =
        new Asset(
                row.id(),
                row.assetId(),
                row.assetId(),
                row.tenantId(),
                row.ownerUserId(),
                view.group().publicId(),
                Asset.MediaTypeEnum.fromValue(row.mediaType()),
                row.assetKind(),
                row.sourceType(),
                row.status(),
                row.name(),
                row.mimeType(),
                row.sizeBytes(),
                urls.file(row.deliveryKey()),
                utc(row.createdAt()),
                utc(row.updatedAt()))
            .userName(view.ownerName())
            .shared(false)
            .groupName(view.group().name())
            .assetType(row.assetType())
            .fileType(row.fileType())
            .filename(storedName(row.storageKey()))
            .originalFilename(row.originalFilename())
            .width(row.width())
            .height(row.height())
            .aspectRatio(aspectRatio(row.width(), row.height()))
            .durationSeconds(row.durationSeconds())
            .frameRate(row.frameRate());
    if (row.thumbnailDeliveryKey() != null) {
      asset.thumbnailUrl(urls.file(row.thumbnailDeliveryKey()));
    }
    return asset;
  }

  /** {@code W:H} reduced by the greatest common divisor, e.g. {@code 16:9}; null when unknown. */
  static String aspectRatio(Integer width, Integer height) {
    if (width == null || height == null || width <= 0 || height <= 0) {
      return null;
    }
    int gcd = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
    return (width / gcd) + ":" + (height / gcd);
  }

  private static String storedName(String storageKey) {
    return storageKey.substring(storageKey.lastIndexOf('/') + 1);
  }

  private static OffsetDateTime utc(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }
}
