package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.storage.PendingBlob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file part after its single pass: size, SHA-256 and detected type, with its bytes held in a
 * pending blob when the type is accepted. Closing it discards the bytes unless they were committed.
 *
 * @param originalFilename the client's file name, already sanitised, or null
 * @param detectedMimeType the type detected from the leading bytes
 * @param acceptedType the allow-listed type, empty when the detected type is not accepted
 */
public record IngestedFile(
    String originalFilename,
    long size,
    String sha256,
    String detectedMimeType,
    Optional<AcceptedType> acceptedType,
    Optional<PendingBlob> blob)
    implements AutoCloseable {

  /** The key the bytes will be stored under. Only valid for an accepted type. */
  public String storageKey() {
    return keptBlob().key();
  }

  /** Makes the bytes durable under {@link #storageKey}. Only valid for an accepted type. */
  public void commit() throws IOException {
    keptBlob().commit();
  }

  /** The local file the bytes are staged in, for analysis before the commit. */
  public Path stagingFile() {
    return keptBlob().stagingFile();
  }

  private PendingBlob keptBlob() {
    return blob.orElseThrow(() -> new IllegalStateException("The file's bytes were not kept"));
  }

  @Override
  public void close() {
    blob.ifPresent(PendingBlob::close);
  }
}
