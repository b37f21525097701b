package ai.assetlibrary.server.records;

import java.util.List;

/** The renditions stored of each asset. */
public interface RenditionRecords {

  /**
   * Records {@code rendition} if its asset still exists and no rendition of it has these parameters
   * yet; returns whether it did.
   */
  boolean insertIfAbsent(RenditionRecord rendition);

  /**
   * Forgets the rendition stored under {@code storageKey} (whose blob was lost); returns whether it
   * did.
   */
  boolean forget(String storageKey);

  /** Deletes the renditions of these assets (row ids); returns their storage keys. */
  List<String> deleteOfAssets(List<Long> assetIds);
}
