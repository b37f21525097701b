package ai.assetlibrary.server.records;

import java.util.List;
import java.util.Optional;

/** Asset records, and the assets a caller may see. */
public interface AssetRecords {

  /** Inserts the asset and returns its generated internal id. */
  long insert(AssetRecord row);

  Optional<AssetRecord> findById(long id);

  Optional<AssetAccessRecord> findVisible(long tenantId, long userId, long now, String assetId);

  /** The visible assets the filter selects: one page of them, and their number. */
  AssetPage listVisible(AssetFilter filter);

  void replaceDeliveryKeys(long id, String deliveryKey, String thumbnailDeliveryKey, long now);

  void rename(long id, String name, long now);

  /** Records the provider's id of the asset; false when the asset is gone meanwhile. */
  boolean recordProviderAsset(long id, String providerAssetId, long now);

  /**
   * Assets stored for the provider but not yet registered with it, oldest first: those never tried,
   * and those whose latest attempt began no later than {@code triedBefore}.
   */
  List<AssetRecord> findUnregistered(long triedBefore, int limit);

  /** The URL an earlier attempt to register the asset with the provider was made from, if any. */
  Optional<String> registrationUrl(long id);

  /**
   * Records that an attempt to register the asset with the provider from {@code url} begins, now.
   */
  void startRegistration(long id, String url, long now);

  /** Assets waiting for the provider, least recently checked first. */
  List<AssetRecord> findProcessing(int limit);

  void updateProviderStatus(
      long id, String status, String errorCode, String errorMessage, long now);

  List<AssetRecord> findInGroup(long groupId);

  List<AssetRecord> findExpired(long now, int limit);

  void deleteAll(List<Long> ids);

  long count();

  /** Bytes of the files {@code userId} owns. */
  long sumSizeOwnedBy(long userId);

  /** Those of {@code keys} that a record stores its file, thumbnail or a rendition under. */
  List<String> findStorageKeys(List<String> keys);
}
