package ai.assetlibrary.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The bytes of resumable uploads between their requests: appended durably, request by request, then
 * handed over as a pending blob. What an upload holds is described by a {@link Held} that the
 * caller records and passes back; bytes an append wrote beyond it (an append that was refused or
 * never acknowledged) are dropped by the next one, so the record is the truth. One adapter per blob
 * store.
 */
public interface UploadSpool {

  /**
   * What an upload holds: {@code bytes} durable bytes, and the store's own notes on them ({@code
   * state}, opaque to everyone else, possibly null).
   */
  record Held(long bytes, String state) {}

  /**
   * The result of an append: what the upload holds now, and the failure that cut the body off
   * early, if one did (what arrived before it is held).
   */
  record Appended(Held held, Optional<IOException> cutOff) {}

  /**
   * Appends what {@code body} delivers, at most {@code maxBytes} (what the upload still lacks of
   * its length), after the {@code held} bytes, and makes it durable before returning. {@code key}
   * is the blob the bytes will become, or null while it is not known (the upload then holds less
   * than its first 64 KiB). A body that fails midway ends the append with what arrived; a failure
   * to store is thrown.
   */
  Appended append(String uploadId, Held held, String key, InputStream body, long maxBytes)
      throws IOException;

  /** The {@code held} bytes, from the first: only while the upload's blob key is not known. */
  InputStream readStart(String uploadId, Held held) throws IOException;

  /**
   * The {@code held} bytes as a blob to be committed under {@code key}, readable meanwhile in a
   * local file. The spool keeps its copy until {@link #discard}, so a commit that does not go
   * through loses nothing.
   */
  PendingBlob finish(String uploadId, Held held, String key) throws IOException;

  /** Removes what the spool holds of the upload. Never throws. */
  void discard(String uploadId, Held held);

  /**
   * Removes what the spool holds of every upload that {@code recorded} does not know, and that no
   * append has touched for a minute (a record may be about to name a new one).
   */
  void discardUnless(Predicate<String> recorded);
}
