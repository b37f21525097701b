package ai.assetlibrary.server.service;

import ai.assetlibrary.server.db.AssetDao;
import ai.assetlibrary.server.db.AssetRow;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.StoredBlob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the bytes behind a delivery URL. */
public final class DeliveryService {

  private static final Pattern DELIVERY_KEY =
      Pattern.compile("[A-Za-z0-9_-]{16,128}(\\.[a-z0-9]{1,8})?");
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

  private final Jdbi jdbi;
  private final BlobStore blobs;

  public DeliveryService(Jdbi jdbi, BlobStore blobs) {
    this.jdbi = jdbi;
    this.blobs = blobs;
  }

  /** An asset's record and bytes, as delivered under one URL. */
  public record Delivery(AssetRow asset, StoredBlob blob) {}

  /** The asset delivered under {@code deliveryKey}, if any. */
  public Optional<Delivery> find(String deliveryKey) {
    if (deliveryKey == null || !DELIVERY_KEY.matcher(deliveryKey).matches()) {
      return Optional.empty();
    }
    return jdbi.onDemand(AssetDao.class).findByDeliveryKey(deliveryKey).flatMap(this::withBlob);
  }

  private Optional<Delivery> withBlob(AssetRow asset) {
    try {
      Optional<StoredBlob> blob = blobs.find(asset.storageKey());
      if (blob.isEmpty()) {
        LOG.error("Asset {} has no bytes under {}", asset.assetId(), asset.storageKey());
      }
      return blob.map(b -> new Delivery(asset, b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
