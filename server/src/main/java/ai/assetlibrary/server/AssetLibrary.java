package ai.assetlibrary.server;

import ai.assetlibrary.server.auth.RequestRateLimiter;
import ai.assetlibrary.server.db.Database;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.UnconfiguredProvider;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.service.AccountService;
import ai.assetlibrary.server.service.ApiKeyService;
import ai.assetlibrary.server.service.AssetFiles;
import ai.assetlibrary.server.service.AssetService;
import ai.assetlibrary.server.service.DeliveryService;
import ai.assetlibrary.server.service.ExclusiveJobs;
import ai.assetlibrary.server.service.GroupListing;
import ai.assetlibrary.server.service.GroupService;
import ai.assetlibrary.server.service.IdempotentUploads;
import ai.assetlibrary.server.service.ListCursors;
import ai.assetlibrary.server.service.OrphanSweeper;
import ai.assetlibrary.server.service.ProviderReconciler;
import ai.assetlibrary.server.service.ProviderRegistration;
import ai.assetlibrary.server.service.PublicUrls;
import ai.assetlibrary.server.service.ResumableUploads;
import ai.assetlibrary.server.service.RetentionSweeper;
import ai.assetlibrary.server.service.RunCounter;
import ai.assetlibrary.server.service.ShareService;
import ai.assetlibrary.server.service.UploadCommit;
import ai.assetlibrary.server.service.UploadService;
import ai.assetlibrary.server.service.UploadTargets;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StorageCapacity;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.FormConstraints;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.upload.UploadIntake;
import ai.assetlibrary.server.vips.Vips;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every service of the asset library, wired once from a {@link ServerConfig}
 * over the backend it chooses ({@link LibraryBackend}), with the background jobs ({@link
 * BackgroundWork}: retention, blob removals, orphans, provider reconciliation). The HTTP server and
 * the command line both start from here.
 */
public final class AssetLibrary implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AssetLibrary.class);

  private static final String PROVIDER_ROUND = "provider reconciliation";

  private static final String BLOB_REMOVALS = "blob removals";
  private static final String STARTUP_RECOVERY = "start-up recovery";

  /** The orphan sweep lists the whole blob store: not more often than this. */
  private static final Duration ORPHAN_SWEEP_INTERVAL = Duration.ofHours(1);

  private final ServerConfig config;
  private final Optional<DataDirectoryLock> dataDirLock;
  private final PublicUrls urls = new PublicUrls();
  private final Database database;
  private final RecordStore records;
  private final LibraryBackend backend;
  private final StagingDirectory staging;
  private final BlobStore blobs;
  private final AssetMetrics metrics;
  private final AccountService accounts;
  private final ApiKeyService apiKeys;
  private final RequestRateLimiter rateLimiter;
  private final MultipartFormReader formReader;
  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final MediaAnalyzer mediaAnalyzer;
  private final GroupService groups;
  private final GroupListing groupListing;
  private final AssetService assets;
  private final ShareService shares;
  private final UploadService uploads;
  private final ResumableUploads resumableUploads;
  private final DeliveryService deliveries;
  private final RetentionSweeper sweeper;
  private final OrphanSweeper orphans;
  private final AssetFiles files;
  private final ProviderReconciler reconciler;
  private final BackgroundWork background;
  private final CompletableFuture<Void> ready;
  private final CompletableFuture<Void> recovered = new CompletableFuture<>();
  private final Instant openedAt;

  /**
   * @param serving whether this process serves the data directory: it then holds the directory's
   *     lock, recovers from a crash at start-up and runs the background work. A command run beside
   *     a serving process only migrates.
   */
  private AssetLibrary(ServerConfig config, Clock clock, boolean serving) throws IOException {
    this.config = config;
    this.openedAt = clock.instant();
    Files.createDirectories(config.dataDir());
    // Records or bytes in the data directory belong to one serving process; PostgreSQL and a
    // bucket are shared by every instance.
    this.dataDirLock =
        serving && (config.database().embedded() || config.storage().embedded())
            ? Optional.of(DataDirectoryLock.acquire(config.dataDir()))
            : Optional.empty();
    this.backend = LibraryBackend.open(config, clock, config.orphanGrace());
    this.database = backend.database();
    this.records = database.records();
    this.staging = backend.staging();
    this.blobs = backend.blobs();
    this.metrics = new AssetMetrics();
    if (blobs.capacity().isPresent()) {
      metrics.storageSpace(
          () -> blobs.capacity().map(StorageCapacity::usableBytes).orElse(-1L),
          () -> blobs.capacity().map(StorageCapacity::totalBytes).orElse(-1L));
    }
    this.accounts = new AccountService(records, clock);
    this.apiKeys = new ApiKeyService(records, accounts, clock);
    this.rateLimiter =
        new RequestRateLimiter(config.limits().requestsPerMinute(), config.limits().burst(), clock);
    this.formReader = new MultipartFormReader(config.maxUploadBytes());
    this.mediaAnalyzer =
        new MediaAnalyzer(
            config.maxImagePixels(), config.mediaProbeTimeout(), Vips::library, metrics);
    this.files = new AssetFiles(records, blobs, clock);
    AssetProvider provider =
        config
            .provider()
            .<AssetProvider>map(p -> p.client(clock, metrics))
            .orElseGet(UnconfiguredProvider::new);
    this.groups = new GroupService(records, files, provider, urls, clock);
    ListCursors cursors = new ListCursors(records, clock);
    this.groupListing = new GroupListing(records, cursors, clock);
    this.assets = new AssetService(records, groups, files, cursors, clock);
    this.shares = new ShareService(records, assets, groups, clock);
    this.reconciler = new ProviderReconciler(records, provider, urls, clock);
    this.background = new BackgroundWork(new ExclusiveJobs(records, clock));
    MediaTypeDetector detector = new MediaTypeDetector();
    FileIngestor ingestor = new FileIngestor(blobs, detector, config.maxUploadBytes());
    FormConstraints constraints = new FormConstraints(validation.getValidator());
    UploadTargets targets = new UploadTargets(groups);
    IdempotentUploads idempotency =
        new IdempotentUploads(records, assets, config.limits().idempotencyKeyTtl(), clock);
    UploadCommit commit =
        new UploadCommit(
            records, blobs, files, idempotency, config.limits().userQuotaBytes(), clock);
    this.uploads =
        new UploadService(
            new UploadIntake(formReader, constraints, ingestor),
            idempotency,
            targets,
            mediaAnalyzer,
            commit,
            new ProviderRegistration(
                provider,
                urls,
                records,
                files,
                () -> background.soon(PROVIDER_ROUND, reconciler::reconcile),
                clock),
            assets,
            metrics);
    this.resumableUploads =
        new ResumableUploads(
            records,
            backend.uploadSpool(),
            detector,
            constraints,
            targets,
            commit,
            uploads,
            assets,
            config.resumable(),
            config.maxUploadBytes(),
            clock);
    this.deliveries = new DeliveryService(records, blobs, clock);
    this.sweeper = new RetentionSweeper(records, files, shares, clock);
    this.orphans = new OrphanSweeper(records, blobs, files, clock);
    CompletableFuture<Void> prepared =
        CompletableFuture.runAsync(
                () -> backend.prepare(config.startupWait()), AssetLibrary::migrationThread)
            .thenCombine(mediaAnalyzer.ready(), (migration, media) -> null);
    this.ready =
        serving
            ? prepared.thenRun(this::releaseStaleUploadLocks).thenRun(this::scheduleBackgroundWork)
            : prepared;
  }

  /**
   * Removes whatever a crash left behind, in the background while requests are served, so that
   * start-up does not wait on the size of the library: blobs without a record written before this
   * process opened the library (on its own data directory, no upload still in flight can commit
   * them), then the removals still owed. On shared storage another instance may be about to record
   * a young blob, so only those past the grace period go.
   */
  private void recoverLeftovers() {
    if (backend.shared()) {
      orphans.sweep(config.orphanGrace());
    } else {
      orphans.sweepWrittenBy(openedAt);
    }
    files.retryQueued();
  }

  /**
   * On its own data directory no other process can be appending to an upload, so every lock left in
   * the records is a crashed process's: released before the first request.
   */
  private void releaseStaleUploadLocks() {
    if (!backend.shared()) {
      records.uploads().unlockAll();
    }
  }

  private void scheduleBackgroundWork() {
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

  private static void migrationThread(Runnable migration) {
    Thread thread = new Thread(migration, "migrations");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens the data directory for serving it (see {@link #opening}) and waits until it is ready. */
  public static AssetLibrary open(ServerConfig config) throws IOException {
    return open(config, Clock.systemUTC());
  }

  /** The same, with another clock: for tests that let time pass. */
  public static AssetLibrary open(ServerConfig config, Clock clock) throws IOException {
    AssetLibrary library = new AssetLibrary(config, clock, true);
    library.awaitReady();
    return library;
  }

  /**
   * Opens the data directory for a command (managing keys, importing groups), which may run while a
   * server serves the same directory: no lock, no recovery, no background work.
   */
  public static AssetLibrary forCommand(ServerConfig config) throws IOException {
    AssetLibrary library = new AssetLibrary(config, Clock.systemUTC(), false);
    library.awaitReady();
    return library;
  }

  /**
   * Opens the data directory for serving it: takes its lock, then migrates the database and
   * recovers from a crash in the background, so the caller can prepare other things meanwhile;
   * {@link #awaitReady} before the first request is served.
   */
  public static AssetLibrary opening(ServerConfig config) throws IOException {
    return new AssetLibrary(config, Clock.systemUTC(), true);
  }

  /** Completes once the start-up recovery has run (or another instance held it). */
  public CompletableFuture<Void> recovered() {
    return recovered;
  }

  /**
   * Returns once the database is migrated and libvips is loaded; throws what the migration or the
   * loading threw.
   */
  public void awaitReady() {
    try {
      ready.join();
    } catch (CompletionException e) {
      close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static void release(DataDirectoryLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("Could not release the data directory lock", e);
    }
  }

  public ServerConfig config() {
    return config;
  }

  /** The URLs handed out; their base is bound when the server starts. */
  public PublicUrls urls() {
    return urls;
  }

  public RecordStore records() {
    return records;
  }

  /** The removal of assets' blobs, queued and retried. */
  public AssetFiles files() {
    return files;
  }

  /** Where blobs are staged until they are committed. */
  public StagingDirectory staging() {
    return staging;
  }

  public BlobStore blobs() {
    return blobs;
  }

  /** The meters behind {@code /metrics}. */
  public AssetMetrics metrics() {
    return metrics;
  }

  public AccountService accounts() {
    return accounts;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  /** The per-key request budget. */
  public RequestRateLimiter rateLimiter() {
    return rateLimiter;
  }

  public MultipartFormReader formReader() {
    return formReader;
  }

  /** Uploads handled through to their clean-up, successful or not. */
  public RunCounter finishedUploads() {
    return uploads.finishedUploads();
  }

  public ResumableUploads resumableUploads() {
    return resumableUploads;
  }

  public UploadService uploads() {
    return uploads;
  }

  public GroupListing groupListing() {
    return groupListing;
  }

  public GroupService groups() {
    return groups;
  }

  public AssetService assets() {
    return assets;
  }

  public ShareService shares() {
    return shares;
  }

  public DeliveryService deliveries() {
    return deliveries;
  }

  public RetentionSweeper sweeper() {
    return sweeper;
  }

  public OrphanSweeper orphans() {
    return orphans;
  }

  public ProviderReconciler reconciler() {
    return reconciler;
  }

  /**
   * Stops the background work, waiting for a round in progress, and the media workers, then closes
   * the database.
   */
  @Override
  public void close() {
    try {
      background.close();
      mediaAnalyzer.close();
      metrics.close();
      validation.close();
    } finally {
      backend.close();
      dataDirLock.ifPresent(AssetLibrary::release);
    }
  }
}
