package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.storage.BlobKeys;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Streams a file part into storage in one pass: counts the bytes against the limit, detects the
 * type from the leading bytes, then, for an accepted type, hashes the bytes and writes them to a
 * new blob named for that type, so that the store may send them on while they arrive. The bytes of
 * an unsupported type are read to the end but not kept. Nothing of the file is held in memory
 * beyond one buffer and the head.
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
    MessageDigest sha256 = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER_BYTES];
    byte[] head = new byte[MediaTypeDetector.HEAD_BYTES];
    int headLength = 0;
    String detected = null;
    Optional<AcceptedType> accepted = Optional.empty();
    PendingBlob blob = null;
    long size = 0;
    try {
      int read;
      while ((read = fill(content, buffer)) != -1) {
        size += read;
        if (size > maxFileBytes) {
          throw LibraryException.fileTooLarge(maxFileBytes);
        }
        int kept = 0;
        if (detected == null) {
          kept = Math.min(read, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, kept);
          headLength += kept;
          if (headLength == head.length) {
            detected = detector.detect(head, headLength);
            accepted = AcceptedType.of(detected);
            blob = accepted.isPresent() ? keep(accepted.get(), head, headLength, sha256) : null;
          }
        }
        if (blob != null && read > kept) {
          sha256.update(buffer, kept, read - kept);
          blob.write(buffer, kept, read - kept);
        }
      }
      if (detected == null) {
        detected = detector.detect(head, headLength);
        accepted = AcceptedType.of(detected);
        blob = accepted.isPresent() ? keep(accepted.get(), head, headLength, sha256) : null;
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

  /**
   * Reads until {@code buffer} is full or the content ends: the multipart parser hands out a few
   * kilobytes per read, and each chunk kept means a digest update and a write.
   *
   * @return how many bytes were read, or -1 at the end of the content
   */
  private static int fill(InputStream content, byte[] buffer) throws IOException {
    int filled = content.readNBytes(buffer, 0, buffer.length);
    return filled == 0 ? -1 : filled;
  }

  /** A new blob for a file of {@code type}, holding (and having hashed) the head read so far. */
  private PendingBlob keep(AcceptedType type, byte[] head, int headLength, MessageDigest sha256)
      throws IOException {
    PendingBlob blob = blobs.create(BlobKeys.newKey(type.extension()));
    try {
      sha256.update(head, 0, headLength);
      blob.write(head, 0, headLength);
      return blob;
    } catch (IOException | RuntimeException e) {
      blob.close();
      throw e;
    }
  }
}
