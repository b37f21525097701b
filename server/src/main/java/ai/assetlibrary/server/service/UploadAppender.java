package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.storage.BlobKeys;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.storage.UploadSpool.Appended;
import ai.assetlibrary.server.upload.StalledBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One append to a resumable upload, under its lock: at the offset the upload holds, never past its
 * length, the type detected as soon as the first bytes are held (the upload removed if it is not
 * accepted), a chunk whose checksum differs discarded, what a cut-off body delivered kept, and the
 * asset stored once the last byte is. The write that records an append releases its lock too; an
 * append that fails releases it on its way out.
 */
final class UploadAppender {

  private final RecordStore records;
  private final UploadSpool spool;
  private final MediaTypeDetector detector;
  private final UploadDigests digests;
  private final OwnedUploads owned;
  private final UploadCompletion completion;
  private final AssetMetrics metrics;
  private final Clock clock;
  private final RunCounter lockedRuns = new RunCounter();
  private final RunCounter answered = new RunCounter();

  UploadAppender(
      RecordStore records,
      UploadSpool spool,
      MediaTypeDetector detector,
      UploadDigests digests,
      OwnedUploads owned,
      UploadCompletion completion,
      AssetMetrics metrics,
      Clock clock) {
    this.records = records;
    this.spool = spool;
    this.detector = detector;
    this.digests = digests;
    this.owned = owned;
    this.completion = completion;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What an append leaves: the upload as recorded, and its asset once it is finished. */
  record Outcome(UploadRecord upload, Optional<AssetView> asset) {}

  /**
   * Appends {@code body} at {@code offset} to the caller's upload; {@code checksum} is the digest
   * the body must have, when the client sent one.
   */
  Outcome append(
      Caller caller, String uploadId, long offset, Optional<byte[]> checksum, InputStream body) {
    OwnedUploads.Locked locked;
    try {
      locked = owned.lock(caller, uploadId);
    } catch (RuntimeException e) {
      answered.ran();
      throw e;
    }
    lockedRuns.ran();
    UploadRecord upload = locked.upload();
    String token = locked.token();
    AutoCloseable heartbeat = owned.keepLocked(uploadId, token);
    try {
      if (offset != upload.receivedBytes()) {
        throw new LibraryException(
            Failure.UPLOAD_OFFSET_MISMATCH,
            "Upload-Offset is "
                + offset
                + ", but the upload holds "
                + upload.receivedBytes()
                + " bytes; resume from there.",
            FailureDetails.uploadOffset(upload.receivedBytes()));
      }
      if (upload.allReceived()) {
        refuseMore(body, upload);
        return finished(caller, upload, token, Optional.empty());
      }
      return appendTo(caller, upload, token, checksum, body);
    } catch (RuntimeException | Error e) {
      owned.unlock(uploadId, token);
      throw e;
    } finally {
      closeQuietly(heartbeat);
      answered.ran();
    }
  }

  /** Appends that took their upload's lock so far: to wait for in tests. */
  RunCounter locked() {
    return lockedRuns;
  }

  /** Appends answered so far, refused ones included: to wait for in tests. */
  RunCounter answered() {
    return answered;
  }

  /**
   * The asset of a finished upload, or of one whose bytes have all arrived, finished now under the
   * lock {@code token} holds; the lock is released either way.
   */
  private Outcome finished(
      Caller caller, UploadRecord upload, String token, Optional<MessageDigest> digest) {
    if (upload.finished()) {
      owned.unlock(upload.uploadId(), token);
      return new Outcome(upload, Optional.empty());
    }
    AssetView asset = completion.finish(caller, upload, token, digest);
    return new Outcome(owned.find(caller, upload.uploadId()), Optional.of(asset));
  }

  private Outcome appendTo(
      Caller caller,
      UploadRecord upload,
      String token,
      Optional<byte[]> checksum,
      InputStream body) {
    long held = upload.receivedBytes();
    Head head = upload.detectedType() == null ? readHead(upload, body) : Head.known(upload);
    InputStream chunk =
        head.cutOff().isPresent()
            ? new ByteArrayInputStream(head.piece())
            : new SequenceInputStream(new ByteArrayInputStream(head.piece()), body);
    Optional<MessageDigest> running = digests.continuing(upload.uploadId(), held);
    Optional<MessageDigest> chunkDigest = checksum.map(c -> Sha256.newDigest());
    InputStream observed = chunk;
    for (Optional<MessageDigest> digest : List.of(running, chunkDigest)) {
      if (digest.isPresent()) {
        observed = new DigestInputStream(observed, digest.get());
      }
    }
    Appended appended;
    try {
      appended =
          spool.append(
              upload.uploadId(),
              OwnedUploads.held(upload),
              head.storageKey(),
              observed,
              upload.uploadLength() - held);
    } catch (IOException e) {
      throw new UncheckedIOException("Appending to upload " + upload.uploadId() + " failed", e);
    }
    Optional<IOException> cutOff = head.cutOff().or(appended::cutOff);
    long received = appended.held().bytes();
    if (received == upload.uploadLength() && cutOff.isEmpty()) {
      refuseMore(chunk, upload);
    }
    if (checksum.isPresent()) {
      if (cutOff.isPresent()) {
        throw bodyFailed(cutOff.get());
      }
      if (!Arrays.equals(chunkDigest.orElseThrow().digest(), checksum.get())) {
        throw new LibraryException(
            Failure.UPLOAD_CHECKSUM_MISMATCH,
            "The body does not match its Upload-Checksum; nothing of it was kept.");
      }
    }
    if (!records
        .uploads()
        .advance(
            upload.uploadId(),
            token,
            received,
            head.detectedType(),
            head.storageKey(),
            appended.held().state(),
            clock.millis(),
            received < upload.uploadLength())) {
      throw new LibraryException(
          Failure.UPLOAD_LOCKED, "Another request took over this upload; retry shortly.");
    }
    metrics.resumableBytes(received - held);
    running.ifPresent(d -> digests.advanced(upload.uploadId(), received, d));
    if (cutOff.isPresent()) {
      throw bodyFailed(cutOff.get());
    }
    UploadRecord advanced =
        upload.appended(
            received,
            head.detectedType(),
            head.storageKey(),
            appended.held().state(),
            clock.millis());
    // Only the append that stored the last byte, and so kept its lock, finishes the upload.
    if (received < upload.uploadLength()) {
      return new Outcome(advanced, Optional.empty());
    }
    return finished(caller, advanced, token, running);
  }

  /**
   * The type of an upload, or what is still needed to know it. {@code piece} holds the bytes read
   * from this request's body to complete the upload's first bytes.
   */
  private record Head(
      byte[] piece, String detectedType, String storageKey, Optional<IOException> cutOff) {

    static Head known(UploadRecord upload) {
      return new Head(new byte[0], upload.detectedType(), upload.storageKey(), Optional.empty());
    }
  }

  /**
   * Reads from {@code body} what completes the upload's first bytes and detects its type once they
   * are complete; an unaccepted type removes the upload.
   */
  private Head readHead(UploadRecord upload, InputStream body) {
    int wanted = (int) Math.min(MediaTypeDetector.HEAD_BYTES, upload.uploadLength());
    int held = (int) upload.receivedBytes();
    byte[] head = new byte[wanted];
    int filled = held;
    Optional<IOException> cutOff = Optional.empty();
    try (InputStream earlier = spool.readStart(upload.uploadId(), OwnedUploads.held(upload))) {
      earlier.readNBytes(head, 0, held);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading upload " + upload.uploadId() + " failed", e);
    }
    try {
      while (filled < wanted) {
        int read = body.read(head, filled, wanted - filled);
        if (read == -1) {
          break;
        }
        filled += read;
      }
    } catch (IOException e) {
      cutOff = Optional.of(e);
    }
    byte[] piece = Arrays.copyOfRange(head, held, filled);
    if (filled < wanted) {
      return new Head(piece, null, null, cutOff);
    }
    String detected = detector.detect(head, filled);
    Optional<AcceptedType> accepted = AcceptedType.of(detected);
    if (accepted.isEmpty()) {
      owned.remove(upload);
      metrics.resumableUpload("refused");
      throw new LibraryException(
          Failure.FILE_TYPE_UNSUPPORTED,
          "Files of type " + detected + " are not accepted.",
          FailureDetails.detectedType(detected));
    }
    return new Head(piece, detected, BlobKeys.newKey(accepted.get().extension()), cutOff);
  }

  /** Refuses a body that goes on past the upload's length. */
  private static void refuseMore(InputStream rest, UploadRecord upload) {
    try {
      if (rest.read() != -1) {
        throw new LibraryException(
            Failure.UPLOAD_LENGTH_EXCEEDED,
            "The body goes past the "
                + upload.uploadLength()
                + " bytes declared in Upload-Length; nothing of it was kept.",
            FailureDetails.limitBytes(upload.uploadLength()));
      }
    } catch (IOException e) {
      throw bodyFailed(e);
    }
  }

  private static void closeQuietly(AutoCloseable heartbeat) {
    try {
      heartbeat.close();
    } catch (Exception e) {
      // a heartbeat only stops
    }
  }

  private static LibraryException bodyFailed(IOException e) {
    if (StalledBody.isCause(e)) {
      return StalledBody.error();
    }
    return new LibraryException(
        Failure.REQUEST_MALFORMED, "The request body ended before it was complete.");
  }
}
