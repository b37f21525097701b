package ai.assetlibrary.server;

import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.service.AssetFiles;
import ai.assetlibrary.server.service.OrphanSweeper;
import ai.assetlibrary.server.service.ProviderReconciler;
import ai.assetlibrary.server.service.ResumableUploads;
import ai.assetlibrary.server.service.RetentionSweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The background work of a serving library, each job on its schedule: the recovery from a crash at
 * start-up, the retention, orphan and upload-expiry sweeps, the blob removals still owed, and the
 * provider's reconciliation.
 */
final class LibraryMaintenance {

  static final String PROVIDER_ROUND = "provider reconciliation";

  private static final String BLOB_REMOVALS = "blob removals";
  private static final String STARTUP_RECOVERY = "start-up recovery";

  /** The orphan sweep lists the whole blob store: not more often than this. */
  private static final Duration ORPHAN_SWEEP_INTERVAL = Duration.ofHours(1);

  private final ServerConfig config;
  private final boolean shared;
  private final RecordStore records;
  private final AssetFiles files;
  private final RetentionSweeper sweeper;
  private final OrphanSweeper orphans;
  private final ProviderReconciler reconciler;
  private final ResumableUploads resumableUploads;
  private final BackgroundWork background;
  private final Instant openedAt;
  private final CompletableFuture<Void> recovered = new CompletableFuture<>();

  /**
   * @param config the jobs' intervals and the orphans' grace period
   * @param shared whether other instances serve the same records and bytes
   * @param openedAt when this process opened the library: on its own data directory, blobs written
   *     before then without a record are a crash's leftovers
   */
  LibraryMaintenance(
      ServerConfig config,
      boolean shared,
      RecordStore records,
      AssetFiles files,
      RetentionSweeper sweeper,
      OrphanSweeper orphans,
      ProviderReconciler reconciler,
      ResumableUploads resumableUploads,
      BackgroundWork background,
      Instant openedAt) {
    this.config = config;
    this.shared = shared;
    this.records = records;
    this.files = files;
    this.sweeper = sweeper;
    this.orphans = orphans;
    this.reconciler = reconciler;
    this.resumableUploads = resumableUploads;
    this.background = background;
    this.openedAt = openedAt;
  }

  /**
   * Releases the upload locks a crashed process left, before the first request, and schedules every
   * job, the start-up recovery first.
   */
  void start() {
    releaseStaleUploadLocks();
    background
        .once(STARTUP_RECOVERY, this::recoverLeftovers)
        .thenRun(() -> recovered.complete(null));
    background.every(config.sweepInterval(), "retention sweep", sweeper::sweep);
    background.every(config.sweepInterval(), BLOB_REMOVALS, files::retryQueued);
    background.every(
        ORPHAN_SWEEP_INTERVAL, "orphan sweep", () -> orphans.sweep(config.orphanGrace()));
    background.every(config.providerPollInterval(), PROVIDER_ROUND, reconciler::reconcile);
    background.every(config.sweepInterval(), "upload expiry", resumableUploads::sweepExpired);
  }

  /** Completes once the start-up recovery has run (or another instance held it). */
  CompletableFuture<Void> recovered() {
    return recovered;
  }

  /**
   * Removes whatever a crash left behind, in the background while requests are served, so that
   * start-up does not wait on the size of the library: blobs without a record written before this
   * process opened the library (on its own data directory, no upload still in flight can commit
   * them), then the removals still owed. On shared storage another instance may be about to record
   * a young blob, so only those past the grace period go.
   */
  private void recoverLeftovers() {
    if (shared) {
      orphans.sweep(config.orphanGrace());
    } else {
      orphans.sweepWrittenBy(openedAt);
    }
    files.retryQueued();
  }

  /**
   * On its own data directory no other process can be appending to an upload, so every lock left in
   * the records is a crashed process's.
   */
  private void releaseStaleUploadLocks() {
    if (!shared) {
      records.uploads().unlockAll();
    }
  }
}
