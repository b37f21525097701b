package ai.assetlibrary.server.service;

import ai.assetlibrary.server.media.RenditionFormat;
import ai.assetlibrary.server.records.RecordChanges;
import ai.assetlibrary.server.service.DeliveryService.Delivery;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stored content found for delivery, kept while the records it was read from have not changed: a
 * hit is what the records still say, answered without reading them. It keeps anything only where
 * this process is the only writer of assets and renditions (it serves an embedded database in the
 * data directory it holds), and a bounded number of entries.
 */
final class DeliveryCache {

  private static final int MAX_ENTRIES = 4_096;

  private final RecordChanges changes;
  private final boolean soleWriter;
  private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  DeliveryCache(RecordChanges changes, boolean soleWriter) {
    this.changes = changes;
    this.soleWriter = soleWriter;
  }

  /**
   * A request for stored content: its delivery key, its rendition parameters, and the format its
   * {@code Accept} would pick for {@code format=auto} (null without parameters).
   */
  record Key(String deliveryKey, RenditionQuery query, RenditionFormat accepted) {}

  /** What the records said, and their count of changes when they said it. */
  private record Entry(Delivery delivery, long count) {}

  /**
   * The content kept for {@code key} when the records have not changed since and it is still
   * delivered at {@code now}; else what {@code read} finds, kept when nothing changed meanwhile.
   */
  Optional<Delivery> find(Key key, long now, Supplier<Optional<Delivery>> read) {
    if (!soleWriter) {
      return read.get();
    }
    long count = changes.count();
    Entry kept = entries.getIfPresent(key);
    if (kept != null && kept.count() == count && deliveredAt(kept.delivery(), now)) {
      return Optional.of(kept.delivery());
    }
    Optional<Delivery> found = read.get();
    if (found.isPresent() && changes.count() == count) {
      entries.put(key, new Entry(found.get(), count));
    }
    return found;
  }

  private static boolean deliveredAt(Delivery delivery, long now) {
    return delivery.expiresAt() == null || delivery.expiresAt() > now;
  }
}
