package ai.assetlibrary.server.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects a file's MIME type from its leading bytes alone, with Tika's magic database. No file name
 * or declared type is ever consulted, so a renamed or mislabelled file is seen for what it is.
 */
public final class MediaTypeDetector {

  /** How many leading bytes detection looks at; enough for every magic Tika knows of ours. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Tika's magic database, read in the background: it takes a while and is needed only later. */
  private final CompletableFuture<Detector> detector =
      CompletableFuture.supplyAsync(MimeTypes::getDefaultMimeTypes);

  /** The detected MIME type, {@code application/octet-stream} when nothing matches. */
  public String detect(byte[] head, int length) {
    try {
      MediaType type =
          detector.join().detect(new ByteArrayInputStream(head, 0, length), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading from memory failed", e);
    }
  }
}
