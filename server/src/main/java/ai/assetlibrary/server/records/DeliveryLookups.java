package ai.assetlibrary.server.records;

import java.util.Optional;

/**
 * The look-ups every delivery request makes, apart from the other records because there are so many
 * of them: the asset behind a delivery key, and a stored rendition of it.
 */
public interface DeliveryLookups {

  /** The unexpired asset whose file or thumbnail is delivered under {@code deliveryKey}. */
  Optional<AssetRecord> assetByDeliveryKey(String deliveryKey, long now);

  /** The rendition of the asset (row id {@code assetId}) for {@code params}, if stored. */
  Optional<RenditionRecord> rendition(long assetId, String params);
}
