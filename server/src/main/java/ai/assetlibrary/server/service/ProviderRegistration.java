package ai.assetlibrary.server.service;

import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ProviderException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.util.List;

/**
 * Registering uploads into portrait groups with the provider: at once on the legacy route, whose
 * answer carries the outcome, or in the next background round on the unified route.
 */
public final class ProviderRegistration {

  private final AssetProvider provider;
  private final PublicUrls urls;
  private final RecordStore records;
  private final AssetFiles files;
  private final Runnable nextRound;
  private final Clock clock;

  /**
   * @param nextRound asks for a background reconciliation round soon
   */
  public ProviderRegistration(
      AssetProvider provider,
      PublicUrls urls,
      RecordStore records,
      AssetFiles files,
      Runnable nextRound,
      Clock clock) {
    this.provider = provider;
    this.urls = urls;
    this.records = records;
    this.files = files;
    this.nextRound = nextRound;
    this.clock = clock;
  }

  /**
   * Registers a stored asset now; the provider downloads it from its delivery URL. When the
   * provider refuses or cannot be reached, the asset is removed again: nothing is left behind.
   */
  void now(AssetRecord asset, GroupRecord group) {
    try {
      String providerAssetId =
          provider.createAsset(
              group.providerGroupId(),
              urls.file(asset.deliveryKey()),
              asset.assetType(),
              ProviderReconciler.providerName(asset.name()));
      if (!records.assets().recordProviderAsset(asset.id(), providerAssetId, clock.millis())) {
        records.providerDeletions().enqueue(ShareService.ASSET, providerAssetId, clock.millis());
      }
    } catch (ProviderException e) {
      files.deleteWithBlobs(
          tx -> {
            tx.assets().deleteAll(List.of(asset.id()));
            return List.of(asset);
          });
      throw ProviderFailures.toLibraryException(e);
    }
  }

  /** Leaves the registration to the next background round, which starts soon. */
  void soon() {
    nextRound.run();
  }
}
