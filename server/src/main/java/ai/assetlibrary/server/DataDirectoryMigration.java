package ai.assetlibrary.server;

import ai.assetlibrary.server.db.Database;
import ai.assetlibrary.server.db.RecordCopy;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StoredBlob;
import ai.assetlibrary.server.storage.filesystem.FileSystemBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code migrate --from DIR}: copies an embedded data directory (its SQLite records and its files)
 * into the backend the environment configures, with ids, delivery URLs and API keys unchanged.
 * Blobs go first, each checked by its SHA-256 once in place; then the records. Whatever is already
 * in the target is kept, so an interrupted migration can simply run again.
 */
final class DataDirectoryMigration {

  private static final int PROGRESS_EVERY = 100;
  private static final int BUFFER = 1 << 16;

  private final PrintStream out;

  private DataDirectoryMigration(PrintStream out) {
    this.out = out;
  }

  /** Runs the migration; returns the process's exit status. */
  static int run(Path from, ServerConfig target, PrintStream out, PrintStream err) {
    if (!Files.isRegularFile(from.resolve("assets.db"))) {
      err.println("Migration not started: " + from + " holds no assets.db");
      return 2;
    }
    if (target.database().embedded() && target.storage().embedded()) {
      err.println(
          "Migration not started: the environment configures the embedded backend; set"
              + " ASSETS_DATABASE_URL and ASSETS_STORAGE=s3 (with its ASSETS_S3_* variables)"
              + " for the backend to copy into");
      return 2;
    }
    try (DataDirectoryLock lock = DataDirectoryLock.acquire(from);
        Database source = Database.sqlite(from.resolve("assets.db"));
        LibraryBackend backend =
            LibraryBackend.open(target, Clock.systemUTC(), target.orphanGrace())) {
      source.migrate();
      backend.prepare(target.startupWait());
      Path blobs = from.resolve("blobs");
      BlobStore sourceBlobs =
          new FileSystemBlobStore(
              blobs, new StagingDirectory(FileSystemBlobStore.stagingDirectoryOf(blobs)));
      new DataDirectoryMigration(out).copyBlobs(source, sourceBlobs, backend.blobs());
      RecordCopy.copy(source, backend.database(), line -> out.println("Records, " + line));
      out.println("Migrated " + from + " into the configured backend.");
      return 0;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("Migration stopped, run it again once the cause is fixed: " + e.getMessage());
      return 1;
    }
  }

  private void copyBlobs(Database source, BlobStore from, BlobStore to)
      throws IOException, SQLException {
    Map<String, String> digests = RecordCopy.blobDigests(source);
    int done = 0;
    int copied = 0;
    for (Map.Entry<String, String> blob : digests.entrySet()) {
      if (!digestOf(to, blob.getKey()).equals(Optional.of(blob.getValue()))) {
        copy(from, to, blob.getKey());
        Optional<String> written = digestOf(to, blob.getKey());
        if (!written.equals(Optional.of(blob.getValue()))) {
          throw new IOException(
              "The copy of "
                  + blob.getKey()
                  + " reads back as "
                  + written.orElse("nothing")
                  + ", not its recorded SHA-256 "
                  + blob.getValue());
        }
        copied++;
      }
      if (++done % PROGRESS_EVERY == 0 || done == digests.size()) {
        out.println(
            "Blobs: "
                + done
                + " of "
                + digests.size()
                + " in place and checked ("
                + copied
                + " copied now)");
      }
    }
  }

  private static void copy(BlobStore from, BlobStore to, String key) throws IOException {
    StoredBlob blob =
        from.find(key)
            .orElseThrow(() -> new IOException("The data directory has no file for " + key));
    try (InputStream in = blob.open(0, blob.size());
        PendingBlob pending = to.create(key)) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        pending.write(buffer, 0, n);
      }
      pending.commit();
    }
  }

  /** The SHA-256 of the blob under {@code key} as the store gives it back, if there is one. */
  private static Optional<String> digestOf(BlobStore store, String key) throws IOException {
    Optional<StoredBlob> blob = store.find(key);
    if (blob.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = blob.get().open(0, blob.get().size())) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return Optional.of(Sha256.hex(digest));
  }
}
