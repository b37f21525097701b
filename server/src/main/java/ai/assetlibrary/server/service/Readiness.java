package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the server can do its work: the database answers and the blob storage takes writes. */
public final class Readiness {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final RecordStore records;
  private final BlobStore blobs;

  public Readiness(RecordStore records, BlobStore blobs) {
    this.records = records;
    this.blobs = blobs;
  }

  /** Empty when ready; otherwise what is not usable. */
  public Optional<String> problem() {
    try {
      checkRecords();
    } catch (RuntimeException e) {
      LOG.warn("Readiness: the database cannot be queried", e);
      return Optional.of("the database cannot be queried");
    }
    try {
      blobs.check();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Readiness: the blob storage is not writable", e);
      return Optional.of("the blob storage is not writable");
    }
    return Optional.empty();
  }

  /**
   * A pooled connection that broke while it was idle (the database restarted) fails once and is
   * dropped by the pool; only a second failure, on a fresh connection, says the database is down.
   */
  private void checkRecords() {
    try {
      records.check();
    } catch (RuntimeException first) {
      records.check();
    }
  }
}
