package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Streams a file part into storage in one pass: counts the bytes against the limit, hashes them,
 * keeps the leading bytes to detect the type, and stops keeping the bytes as soon as the type is
 * known to be unsupported. Nothing of the file is held in memory beyond one buffer and the head.
 */
public final class FileIngestor {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final BlobStore blobs;
  private final MediaTypeDetector detector;
  private final long maxFileBytes;

  public FileIngestor(BlobStore blobs, MediaTypeDetector detector, long maxFileBytes) {
    this.blobs = blobs;
    this.detector = detector;
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads {@code content} to its end; throws 413 {@link LibraryException} past the size limit. */
  public IngestedFile ingest(String originalFilename, InputStream content) throws IOException {
    PendingBlob blob = blobs.create();
    try {
      MessageDigest sha256 = Sha256.newDigest();
      byte[] buffer = new byte[BUFFER_BYTES];
      byte[] head = new byte[MediaTypeDetector.HEAD_BYTES];
      int headLength = 0;
      String detected = null;
      long size = 0;
      int read;
      while ((read = content.read(buffer)) != -1) {
        size += read;
        if (size > maxFileBytes) {
          throw LibraryException.fileTooLarge(maxFileBytes);
        }
        if (detected == null) {
          int take = Math.min(read, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
          if (headLength == head.length) {
            detected = detector.detect(head, headLength);
            if (AcceptedType.of(detected).isEmpty()) {
              blob.close();
              blob = null;
            }
          }
        }
        if (blob != null) {
          sha256.update(buffer, 0, read);
          blob.write(buffer, 0, read);
        }
      }
      if (detected == null) {
        detected = detector.detect(head, headLength);
      }
      Optional<AcceptedType> accepted = AcceptedType.of(detected);
      if (accepted.isEmpty() && blob != null) {
        blob.close();
        blob = null;
      }
      return new IngestedFile(
          originalFilename,
          size,
          Sha256.hex(sha256),
          detected,
          accepted,
          Optional.ofNullable(blob));
    } catch (IOException | RuntimeException e) {
      if (blob != null) {
        blob.close();
      }
      throw e;
    }
  }
}
