package ai.assetlibrary.server.service;

import ai.assetlibrary.server.db.AssetDao;
import ai.assetlibrary.server.db.AssetRow;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ProviderAsset;
import ai.assetlibrary.server.provider.ProviderException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves assets that wait for the provider ({@code processing}) to {@code active}, or to {@code
 * failed} with the provider's error, by asking it ({@code GetAsset}). Runs on a schedule; a round
 * stops early when the provider is unavailable and the next round picks up where it left.
 */
public final class ProviderReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderReconciler.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final AssetProvider provider;
  private final Clock clock;
  private final RunCounter rounds = new RunCounter();

  public ProviderReconciler(Jdbi jdbi, AssetProvider provider, Clock clock) {
    this.jdbi = jdbi;
    this.provider = provider;
    this.clock = clock;
  }

  /** One round over the waiting assets; returns how many changed status. */
  public int reconcile() {
    AssetDao assets = jdbi.onDemand(AssetDao.class);
    List<AssetRow> waiting = assets.findProcessing(BATCH);
    int changed = 0;
    for (AssetRow asset : waiting) {
      try {
        ProviderAsset remote = provider.getAsset(asset.byteplusAssetId());
        if (remote.isActive()) {
          assets.updateProviderStatus(asset.id(), "active", null, null, clock.millis());
          changed++;
        } else if (remote.isFailed()) {
          assets.updateProviderStatus(
              asset.id(), "failed", remote.errorCode(), remote.errorMessage(), clock.millis());
          changed++;
        }
      } catch (ProviderException e) {
        if (!e.isRejected()) {
          LOG.warn(
              "Provider unavailable; {} assets wait for the next round", waiting.size() - changed);
          break;
        }
        assets.updateProviderStatus(asset.id(), "failed", e.code(), e.getMessage(), clock.millis());
        changed++;
      }
    }
    rounds.ran();
    return changed;
  }

  /** Completed rounds, to wait for. */
  public RunCounter rounds() {
    return rounds;
  }
}
