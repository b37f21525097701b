package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.StoredBlob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the bytes behind a delivery URL: an asset's file, its thumbnail, or a rendition. */
public final class DeliveryService {

  private static final Pattern DELIVERY_KEY =
      Pattern.compile("[A-Za-z0-9_-]{16,128}(\\.[a-z0-9]{1,8})?");
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

  private final RecordStore records;
  private final BlobStore blobs;
  private final RenditionService renditions;
  private final DeliveryCache stored;
  private final Clock clock;

  /**
   * @param soleWriter whether this process alone writes the records of assets and renditions, so
   *     that what it found may be kept until it writes them next
   */
  public DeliveryService(
      RecordStore records,
      BlobStore blobs,
      RenditionService renditions,
      boolean soleWriter,
      Clock clock) {
    this.records = records;
    this.blobs = blobs;
    this.renditions = renditions;
    this.stored = new DeliveryCache(records.changes(), soleWriter);
    this.clock = clock;
  }

  /**
   * Bytes to deliver: their stored blob, type, checksum, when they were stored, the file name to
   * offer (null for a thumbnail), whether the request's {@code Accept} chose them, and until when
   * the URL delivers them (null: until the asset is deleted).
   */
  public record Delivery(
      StoredBlob blob,
      String mimeType,
      String sha256,
      long storedAt,
      String filename,
      boolean variesByAccept,
      Long expiresAt) {}

  /**
   * What is delivered under {@code deliveryKey}, if anything: the stored bytes, or the rendition
   * {@code query} asks for ({@code accept} choosing its format for {@code format=auto}), rendered
   * now when it is not stored yet.
   */
  public Optional<Delivery> find(String deliveryKey, RenditionQuery query, String accept) {
    return find(
        deliveryKey,
        query,
        (asset, viaThumbnail) -> renditions.find(asset, viaThumbnail, query, accept));
  }

  /**
   * The same when it is stored already, rendering nothing: empty for a rendition not rendered yet
   * as for a key that delivers nothing. Found again while the records are unchanged, it is not read
   * from them again.
   */
  public Optional<Delivery> findStored(String deliveryKey, RenditionQuery query, String accept) {
    DeliveryCache.Key key =
        new DeliveryCache.Key(
            deliveryKey, query, query.isEmpty() ? null : RenditionRules.fromAccept(accept));
    return stored.find(
        key,
        clock.millis(),
        () ->
            find(
                deliveryKey,
                query,
                (asset, viaThumbnail) ->
                    renditions.findStored(asset, viaThumbnail, query, accept)));
  }

  /** What {@link #findStored} found for {@code query} was sent: a rendition counts as a hit. */
  public void answered(RenditionQuery query) {
    if (!query.isEmpty()) {
      renditions.countHit();
    }
  }

  /** How the rendition of an asset (reached through its thumbnail's key, or not) is found. */
  private interface RenditionFinder {
    Optional<RenditionService.Found> find(AssetRecord asset, boolean viaThumbnail);
  }

  private Optional<Delivery> find(
      String deliveryKey, RenditionQuery query, RenditionFinder renditionOf) {
    if (deliveryKey == null || !DELIVERY_KEY.matcher(deliveryKey).matches()) {
      return Optional.empty();
    }
    Optional<AssetRecord> found =
        records.deliveries().assetByDeliveryKey(deliveryKey, clock.millis());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AssetRecord asset = found.get();
    if (query.isEmpty()) {
      return deliver(asset, deliveryKey);
    }
    boolean viaThumbnail = deliveryKey.equals(asset.thumbnailDeliveryKey());
    return renditionOf
        .find(asset, viaThumbnail)
        .map(
            r ->
                new Delivery(
                    r.blob(),
                    r.rendition().mimeType(),
                    r.rendition().sha256(),
                    r.rendition().createdAt(),
                    renditionName(asset, r.rendition().storageKey()),
                    r.negotiated(),
                    asset.expiresAt()));
  }

  /** The display name without its extension, given the rendition's. */
  private static String renditionName(AssetRecord asset, String storageKey) {
    String name = asset.name();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base + storageKey.substring(storageKey.lastIndexOf('.'));
  }

  /** The display name, given the stored file's extension when it lacks it. */
  private static String downloadName(AssetRecord asset) {
    String name = asset.name();
    String extension = "." + asset.fileType();
    return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
  }

  private Optional<Delivery> deliver(AssetRecord asset, String deliveryKey) {
    boolean thumbnail = deliveryKey.equals(asset.thumbnailDeliveryKey());
    String storageKey = thumbnail ? asset.thumbnailStorageKey() : asset.storageKey();
    try {
      Optional<StoredBlob> blob = blobs.find(storageKey);
      if (blob.isEmpty()) {
        // Normally an asset deleted between its look-up and here; otherwise an inconsistency.
        LOG.warn("Asset {} has no bytes under {}", asset.assetId(), storageKey);
      }
      return blob.map(
          b ->
              thumbnail
                  ? new Delivery(
                      b,
                      asset.thumbnailMimeType(),
                      asset.thumbnailSha256(),
                      asset.createdAt(),
                      null,
                      false,
                      asset.expiresAt())
                  : new Delivery(
                      b,
                      asset.mimeType(),
                      asset.sha256(),
                      asset.createdAt(),
                      downloadName(asset),
                      false,
                      asset.expiresAt()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
