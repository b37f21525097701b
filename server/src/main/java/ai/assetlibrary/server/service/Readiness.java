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
      records.check();
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
}
