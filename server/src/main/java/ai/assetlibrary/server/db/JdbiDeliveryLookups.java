package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.DeliveryLookups;
import ai.assetlibrary.server.records.RenditionRecord;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Delivery look-ups as plain statements on a handle, with their columns matched once: the SQL
 * object proxies the other records use cost more to set up on each call than these queries take to
 * run.
 */
final class JdbiDeliveryLookups implements DeliveryLookups {

  private static final String ASSET =
      """
      SELECT * FROM assets
      WHERE (delivery_key = :deliveryKey OR thumbnail_delivery_key = :deliveryKey)
        AND (expires_at IS NULL OR expires_at > :now)
      """;
  private static final String RENDITION =
      """
      SELECT asset_id, params, storage_key, mime_type, sha256, size_bytes, width, height, created_at
      FROM renditions WHERE asset_id = :assetId AND params = :params
      """;

  private final Jdbi jdbi;
  private final Handle handle;
  private final RowMapper<AssetRecord> assets;
  private final RowMapper<RenditionRecord> renditions;

  /** Look-ups that each take a handle of their own. */
  JdbiDeliveryLookups(Jdbi jdbi) {
    this(jdbi, null, mapper(AssetRecord.class), mapper(RenditionRecord.class));
  }

  private JdbiDeliveryLookups(
      Jdbi jdbi,
      Handle handle,
      RowMapper<AssetRecord> assets,
      RowMapper<RenditionRecord> renditions) {
    this.jdbi = jdbi;
    this.handle = handle;
    this.assets = assets;
    this.renditions = renditions;
  }

  /** The same look-ups, in the transaction of {@code transaction}. */
  JdbiDeliveryLookups on(Handle transaction) {
    return new JdbiDeliveryLookups(jdbi, transaction, assets, renditions);
  }

  @Override
  public Optional<AssetRecord> assetByDeliveryKey(String deliveryKey, long now) {
    return using(
        h ->
            h.createQuery(ASSET)
                .bind("deliveryKey", deliveryKey)
                .bind("now", now)
                .map(assets)
                .findOne());
  }

  @Override
  public Optional<RenditionRecord> rendition(long assetId, String params) {
    return using(
        h ->
            h.createQuery(RENDITION)
                .bind("assetId", assetId)
                .bind("params", params)
                .map(renditions)
                .findOne());
  }

  private <T> T using(HandleCallback<T, RuntimeException> query) {
    return handle != null ? query.withHandle(handle) : jdbi.withHandle(query);
  }

  private static <T> RowMapper<T> mapper(Class<T> record) {
    return new MatchedOnce<>(ConstructorMapper.of(record));
  }
}
