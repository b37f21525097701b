package ai.assetlibrary.server;

import ai.assetlibrary.server.auth.RequestRateLimiter;
import ai.assetlibrary.server.db.Database;
import ai.assetlibrary.server.media.MediaAnalyzer;
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
import ai.assetlibrary.server.service.ListCursors;
import ai.assetlibrary.server.service.OrphanSweeper;
import ai.assetlibrary.server.service.ProviderReconciler;
import ai.assetlibrary.server.service.PublicUrls;
import ai.assetlibrary.server.service.RenditionService;
import ai.assetlibrary.server.service.ResumableUploads;
import ai.assetlibrary.server.service.RetentionSweeper;
import ai.assetlibrary.server.service.ShareService;
import ai.assetlibrary.server.service.UploadService;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StorageCapacity;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.vips.Vips;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every service of the asset library, wired once from a {@link ServerConfig}
 * over the backend it chooses ({@link LibraryBackend}), the upload paths with them ({@link
 * UploadPaths}), and the background jobs ({@link LibraryMaintenance}). The HTTP server and the
 * command line both start from here.
 */
public final class AssetLibrary implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AssetLibrary.class);

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
  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final MediaAnalyzer mediaAnalyzer;
  private final GroupService groups;
  private final GroupListing groupListing;
  private final AssetService assets;
  private final ShareService shares;
  private final UploadPaths uploadPaths;
  private final DeliveryService deliveries;
  private final RetentionSweeper sweeper;
  private final OrphanSweeper orphans;
  private final AssetFiles files;
  private final ProviderReconciler reconciler;
  private final BackgroundWork background;
  private final LibraryMaintenance maintenance;
  private final CompletableFuture<Void> ready;

  /**
   * @param serving whether this process serves the data directory: it then holds the directory's
   *     lock, recovers from a crash at start-up and runs the background work. A command run beside
   *     a serving process only migrates.
   */
  private AssetLibrary(ServerConfig config, Clock clock, boolean serving) throws IOException {
    this.config = config;
    Instant openedAt = clock.instant();
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
    this.mediaAnalyzer =
        new MediaAnalyzer(
            config.maxImagePixels(),
            config.mediaProbeTimeout(),
            config.renditions().limits(),
            Vips::library,
            metrics);
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
    this.uploadPaths =
        new UploadPaths(
            config,
            backend,
            groups,
            assets,
            files,
            mediaAnalyzer,
            provider,
            urls,
            metrics,
            validation.getValidator(),
            () -> background.soon(LibraryMaintenance.PROVIDER_ROUND, reconciler::reconcile),
            clock);
    this.deliveries =
        new DeliveryService(
            records,
            blobs,
            new RenditionService(
                records, blobs, mediaAnalyzer, config.renditions().rules(), files, metrics, clock),
            // Serving SQLite in the data directory, this process holds its lock: no other writes.
            dataDirLock.isPresent() && config.database().embedded(),
            clock);
    this.sweeper = new RetentionSweeper(records, files, shares, clock);
    this.orphans = new OrphanSweeper(records, blobs, files, clock);
    this.maintenance =
        new LibraryMaintenance(
            config,
            backend.shared(),
            records,
            files,
            sweeper,
            orphans,
            reconciler,
            uploadPaths.resumableUploads(),
            background,
            openedAt);
    CompletableFuture<Void> prepared =
        CompletableFuture.runAsync(
                () -> backend.prepare(config.startupWait()), AssetLibrary::migrationThread)
            .thenCombine(mediaAnalyzer.ready(), (migration, media) -> null);
    this.ready = serving ? prepared.thenRun(maintenance::start) : prepared;
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
    return maintenance.recovered();
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
    return uploadPaths.formReader();
  }

  public ResumableUploads resumableUploads() {
    return uploadPaths.resumableUploads();
  }

  public UploadService uploads() {
    return uploadPaths.uploads();
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
