package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ProviderAsset;
import ai.assetlibrary.server.provider.ProviderException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.GroupRecords;
import ai.assetlibrary.server.records.ProviderDeletionRecord;
import ai.assetlibrary.server.records.ProviderDeletions;
import ai.assetlibrary.server.records.RecordStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps local state in step with the provider. Assets uploaded into portrait groups are registered
 * with it; assets that wait for it ({@code processing}) move to {@code active}, or to {@code
 * failed} with the provider's error ({@code GetAsset}); RealFace groups awaiting verification
 * become {@code active} once the provider confirms it ({@code GetVisualValidateResult}), whether or
 * not its single callback arrived. Runs on a schedule; a round stops early when the provider is
 * unavailable, and the next one picks up where it left.
 */
public final class ProviderReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderReconciler.class);
  private static final int BATCH = 100;
  private static final String SUCCESS = "10000";
  private static final String NOT_FOUND = "ResourceNotFound";

  /**
   * How long an attempt to register an asset whose answer never came is left before the next: the
   * provider may still be creating it (downloading the file), and a lookup too soon would miss it.
   */
  static final Duration REGISTRATION_SETTLE = Duration.ofMinutes(1);

  private final RecordStore records;
  private final AssetProvider provider;
  private final PublicUrls urls;
  private final Clock clock;
  private final RunCounter rounds = new RunCounter();

  public ProviderReconciler(
      RecordStore records, AssetProvider provider, PublicUrls urls, Clock clock) {
    this.records = records;
    this.provider = provider;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * One round over waiting groups and assets; returns how many changed. Rounds never overlap, so an
   * asset is registered once.
   */
  public synchronized int reconcile() {
    int changed = reconcileGroups();
    changed += registerAssets();
    changed += reconcileAssets();
    changed += performDeletions();
    rounds.ran();
    return changed;
  }

  /**
   * The provider's callback for the verification with this token. Success is confirmed with the
   * provider before the group changes; if that fails, the next round confirms it.
   */
  public void onVerificationCallback(String callbackToken, String resultCode) {
    GroupRecord group =
        records
            .groups()
            .findByCallbackToken(callbackToken)
            .orElseThrow(() -> new LibraryException(Failure.NOT_FOUND, "Not found."));
    if (!SUCCESS.equals(resultCode) || !GroupService.PENDING_VALIDATION.equals(group.status())) {
      return;
    }
    try {
      confirmVerification(group);
    } catch (ProviderException e) {
      LOG.warn(
          "Confirming the verification of group {} failed; the next round retries",
          group.publicId());
    }
  }

  private int reconcileGroups() {
    int changed = 0;
    for (GroupRecord group : records.groups().findPendingValidation(BATCH)) {
      try {
        if (confirmVerification(group)) {
          changed++;
        }
      } catch (ProviderException e) {
        if (!e.isRejected()) {
          return changed;
        }
        LOG.warn("Verification of group {}: {} {}", group.publicId(), e.code(), e.getMessage());
      }
    }
    return changed;
  }

  /**
   * Registers stored assets with the provider ({@code CreateAsset}), which downloads them from
   * their delivery URLs. A refusal fails the asset with the provider's error; when the provider is
   * unavailable, the next round tries again.
   */
  private int registerAssets() {
    AssetRecords assets = records.assets();
    int registered = 0;
    long settled = clock.millis() - REGISTRATION_SETTLE.toMillis();
    for (AssetRecord asset : assets.findUnregistered(settled, BATCH)) {
      try {
        String providerAssetId = registerOnce(asset);
        if (!assets.recordProviderAsset(asset.id(), providerAssetId, clock.millis())) {
          // Deleted while it was being registered: the provider's copy goes too.
          records.providerDeletions().enqueue(ShareService.ASSET, providerAssetId, clock.millis());
        }
      } catch (ProviderException e) {
        if (!e.isRejected()) {
          return registered;
        }
        assets.updateProviderStatus(asset.id(), "failed", e.code(), e.getMessage(), clock.millis());
      }
      registered++;
    }
    return registered;
  }

  /**
   * Creates the asset at the provider, once: the attempt and its URL are recorded before it is
   * made, and when an earlier one was cut short before its answer was recorded (the instance died,
   * the connection broke), the provider is asked for the asset by that URL first, so that it is
   * never registered twice.
   */
  private String registerOnce(AssetRecord asset) throws ProviderException {
    AssetRecords assets = records.assets();
    URI url = urls.file(asset.deliveryKey());
    Optional<String> earlierUrl = assets.registrationUrl(asset.id());
    if (earlierUrl.isPresent()) {
      Optional<String> earlier =
          provider.findAsset(asset.providerGroupId(), URI.create(earlierUrl.get()));
      if (earlier.isPresent()) {
        LOG.info("Asset {} was registered by an attempt cut short", asset.assetId());
        return earlier.get();
      }
    }
    assets.startRegistration(asset.id(), url.toString(), clock.millis());
    return provider.createAsset(
        asset.providerGroupId(), url, asset.assetType(), providerName(asset.name()));
  }

  /** The provider takes names of at most 64 characters. */
  static String providerName(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  /** Activates the group if the provider reports its verification done; true if it changed. */
  private boolean confirmVerification(GroupRecord group) throws ProviderException {
    GroupRecords groups = records.groups();
    Optional<String> providerGroupId = provider.getValidationResult(group.bytedToken());
    if (providerGroupId.isEmpty()) {
      groups.touch(group.id(), clock.millis());
      return false;
    }
    boolean activated = groups.activate(group.id(), providerGroupId.get(), clock.millis());
    if (activated) {
      LOG.info(
          "RealFace group {} verified: provider group {}", group.publicId(), providerGroupId.get());
    }
    return activated;
  }

  private int reconcileAssets() {
    AssetRecords assets = records.assets();
    List<AssetRecord> waiting = assets.findProcessing(BATCH);
    int changed = 0;
    for (AssetRecord asset : waiting) {
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
    return changed;
  }

  /** Deletes queued for the provider; a delete stays queued until the provider has done it. */
  private int performDeletions() {
    ProviderDeletions owed = records.providerDeletions();
    List<Long> done = new ArrayList<>();
    for (ProviderDeletionRecord deletion : owed.next(BATCH)) {
      try {
        if (deletion.byUrl()) {
          Optional<String> registered =
              provider.findAsset(deletion.providerGroupId(), URI.create(deletion.providerId()));
          if (registered.isPresent()) {
            provider.deleteAsset(registered.get());
          }
        } else if (ShareService.ASSET.equals(deletion.targetType())) {
          provider.deleteAsset(deletion.providerId());
        } else {
          provider.deleteAssetGroup(deletion.providerId());
        }
        done.add(deletion.id());
      } catch (ProviderException e) {
        if (!e.isRejected()) {
          break;
        }
        if (NOT_FOUND.equals(e.code())) {
          done.add(deletion.id());
        } else {
          owed.failed(deletion.id(), e.code() + ": " + e.getMessage());
        }
      }
    }
    if (!done.isEmpty()) {
      owed.done(done);
    }
    return done.size();
  }

  /** Completed rounds, to wait for. */
  public RunCounter rounds() {
    return rounds;
  }
}
