package ai.assetlibrary.server.service;

import ai.assetlibrary.server.storage.BlobStore;
import java.io.IOException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the server can do its work: the database answers and the blob storage takes writes. */
public final class Readiness {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final Jdbi jdbi;
  private final BlobStore blobs;

  public Readiness(Jdbi jdbi, BlobStore blobs) {
    this.jdbi = jdbi;
    this.blobs = blobs;
  }

  /** Empty when ready; otherwise what is not usable. */
  public Optional<String> problem() {
    try {
      jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    } catch (RuntimeException e) {
      LOG.warn("Readiness: the database cannot be queried", e);
      return Optional.of("the database cannot be queried");
    }
    try (var probe = blobs.create()) {
      probe.write(new byte[1], 0, 1);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Readiness: the blob storage is not writable", e);
      return Optional.of("the blob storage is not writable");
    }
    return Optional.empty();
  }
}
