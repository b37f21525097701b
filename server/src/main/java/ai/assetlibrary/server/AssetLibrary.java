package ai.assetlibrary.server;

import ai.assetlibrary.server.auth.ApiKeyService;
import ai.assetlibrary.server.db.Database;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.media.Thumbnailer;
import ai.assetlibrary.server.service.AccountService;
import ai.assetlibrary.server.service.DeliveryService;
import ai.assetlibrary.server.service.UploadActivity;
import ai.assetlibrary.server.service.UploadService;
import ai.assetlibrary.server.storage.FileSystemBlobStore;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.MultipartFormReader;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The composition root: every service of the asset library, wired once from a {@link ServerConfig}.
 * The HTTP server and the command line both start from here.
 */
public final class AssetLibrary implements AutoCloseable {

  private final ServerConfig config;
  private final Jdbi jdbi;
  private final FileSystemBlobStore blobs;
  private final AccountService accounts;
  private final ApiKeyService apiKeys;
  private final MultipartFormReader formReader;
  private final UploadActivity uploadActivity;
  private final MediaAnalyzer mediaAnalyzer;
  private final UploadService uploads;
  private final DeliveryService deliveries;

  private AssetLibrary(ServerConfig config) throws IOException {
    this.config = config;
    Files.createDirectories(config.dataDir());
    Clock clock = Clock.systemUTC();
    this.jdbi = Database.open(config.dataDir().resolve("assets.db"));
    this.blobs = new FileSystemBlobStore(config.dataDir().resolve("blobs"));
    this.accounts = new AccountService(jdbi, clock);
    this.apiKeys = new ApiKeyService(jdbi, accounts, clock);
    this.formReader = new MultipartFormReader(config.maxUploadBytes());
    this.uploadActivity = new UploadActivity();
    FileIngestor ingestor =
        new FileIngestor(blobs, new MediaTypeDetector(), config.maxUploadBytes());
    this.mediaAnalyzer = new MediaAnalyzer(config.maxImagePixels(), config.mediaProbeTimeout());
    this.uploads =
        new UploadService(
            jdbi,
            blobs,
            formReader,
            ingestor,
            mediaAnalyzer,
            new Thumbnailer(),
            uploadActivity,
            clock);
    this.deliveries = new DeliveryService(jdbi, blobs);
  }

  /** Opens the database (applying migrations) and the blob store under the data directory. */
  public static AssetLibrary open(ServerConfig config) throws IOException {
    return new AssetLibrary(config);
  }

  public ServerConfig config() {
    return config;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public FileSystemBlobStore blobs() {
    return blobs;
  }

  public AccountService accounts() {
    return accounts;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  public MultipartFormReader formReader() {
    return formReader;
  }

  public UploadActivity uploadActivity() {
    return uploadActivity;
  }

  public UploadService uploads() {
    return uploads;
  }

  public DeliveryService deliveries() {
    return deliveries;
  }

  /** Stops the media analysis workers. */
  @Override
  public void close() {
    mediaAnalyzer.close();
  }
}
