package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the blobs of assets whose records are gone. A blob that cannot be removed is logged;
 * without a record nothing serves it any more.
 */
public final class AssetFiles {

  private static final Logger LOG = LoggerFactory.getLogger(AssetFiles.class);

  private final BlobStore blobs;

  public AssetFiles(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Removes each asset's file and thumbnail. */
  void removeAll(List<AssetRecord> assets) {
    for (AssetRecord asset : assets) {
      remove(asset.storageKey());
      if (asset.thumbnailStorageKey() != null) {
        remove(asset.thumbnailStorageKey());
      }
    }
  }

  void remove(String storageKey) {
    try {
      blobs.delete(storageKey);
    } catch (IOException e) {
      LOG.error("Could not remove blob {}", storageKey, e);
    }
  }
}
