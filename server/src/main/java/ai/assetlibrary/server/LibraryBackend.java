package ai.assetlibrary.server;

import ai.assetlibrary.server.db.Database;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.storage.filesystem.FileSystemBlobStore;
import ai.assetlibrary.server.storage.filesystem.FileSystemUploadSpool;
import ai.assetlibrary.server.storage.s3.S3BlobStore;
import ai.assetlibrary.server.storage.s3.S3Clients;
import ai.assetlibrary.server.storage.s3.S3UploadSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the library keeps its records and bytes, as the configuration chooses: SQLite or
 * PostgreSQL, files in the data directory or an S3 bucket, with the local staging directory blobs
 * pass through. A database or bucket not reachable yet at start-up is waited for, up to {@code
 * ASSETS_STARTUP_WAIT_SECONDS}.
 */
final class LibraryBackend implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LibraryBackend.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final Database database;
  private final StagingDirectory staging;
  private final BlobStore blobs;
  private final UploadSpool uploadSpool;
  private final boolean shared;

  private LibraryBackend(
      Database database,
      StagingDirectory staging,
      BlobStore blobs,
      UploadSpool uploadSpool,
      boolean shared) {
    this.database = database;
    this.staging = staging;
    this.blobs = blobs;
    this.uploadSpool = uploadSpool;
    this.shared = shared;
  }

  static LibraryBackend open(ServerConfig config, Clock clock, Duration orphanGrace)
      throws IOException {
    Path blobsDirectory = config.dataDir().resolve("blobs");
    StagingDirectory staging =
        new StagingDirectory(
            config.storage().embedded()
                ? FileSystemBlobStore.stagingDirectoryOf(blobsDirectory)
                : config.dataDir().resolve("staging"));
    FileSystemBlobStore files = null;
    BlobStore blobs;
    UploadSpool uploadSpool;
    if (config.storage().s3().isPresent()) {
      StorageConfig.S3 s3 = config.storage().s3().get();
      S3Client client =
          S3Clients.create(
              s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(), s3.pathStyle());
      blobs = new S3BlobStore(client, s3.bucket(), s3.prefix(), staging, orphanGrace, clock);
      uploadSpool = new S3UploadSpool(client, s3.bucket(), s3.prefix(), staging);
    } else {
      files = new FileSystemBlobStore(blobsDirectory, staging);
      blobs = files;
      uploadSpool =
          new FileSystemUploadSpool(FileSystemBlobStore.uploadsDirectoryOf(blobsDirectory), files);
    }
    DatabaseConfig db = config.database();
    Database database =
        db.url()
            .map(
                url ->
                    Database.postgresql(
                        url, db.user().orElse(null), db.password().orElse(null), db.poolSize()))
            .orElseGet(() -> Database.sqlite(config.dataDir().resolve("assets.db")));
    return new LibraryBackend(
        database,
        staging,
        blobs,
        uploadSpool,
        !config.database().embedded() && !config.storage().embedded());
  }

  /**
   * Migrates the database and checks the blob store, waiting up to {@code wait} for either that is
   * not reachable yet; throws saying which could not be reached.
   */
  void prepare(Duration wait) {
    awaitReachable("the database", wait, database::migrate);
    awaitReachable(
        "the blob storage",
        wait,
        () -> {
          try {
            blobs.check();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  Database database() {
    return database;
  }

  StagingDirectory staging() {
    return staging;
  }

  BlobStore blobs() {
    return blobs;
  }

  /** Where resumable uploads are held while their bytes arrive, beside the blobs. */
  UploadSpool uploadSpool() {
    return uploadSpool;
  }

  /**
   * Whether records and bytes are shared by every instance (PostgreSQL and a bucket), so that
   * nothing here may assume it is alone.
   */
  boolean shared() {
    return shared;
  }

  @Override
  public void close() {
    database.close();
  }

  private static void awaitReachable(String what, Duration wait, Runnable step) {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      try {
        step.run();
        return;
      } catch (RuntimeException e) {
        if (!unreachable(e)) {
          throw e;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              what + " could not be reached within " + wait.toSeconds() + " s: " + e.getMessage(),
              e);
        }
        LOG.warn("Waiting for {}, not reachable yet: {}", what, e.getMessage());
        pause();
      }
    }
  }

  /** A connection that could not be made, as opposed to a service that answered no. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (t instanceof LibraryException library
          && (library.failure() == Failure.DATABASE_UNAVAILABLE
              || library.failure() == Failure.STORAGE_UNAVAILABLE)) {
        return true;
      }
    }
    return false;
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting at start-up", e);
    }
  }
}
