package ai.assetlibrary.server.storage.s3;

import ai.assetlibrary.server.storage.FinishedBlob;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StagingDirectory.StagedFile;
import ai.assetlibrary.server.storage.UploadSpool;
import ai.assetlibrary.server.storage.s3.SpoolState.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Resumable uploads in the bucket, so that any instance continues any upload: an S3 multipart
 * upload of parts of at least 5 MiB (as S3 requires of every part but the last), and the bytes that
 * do not fill a part yet in an object of their own, written anew by each append. The last one
 * completes the multipart upload into a whole object beside them, which the commit copies to the
 * blob's key, so that a commit that fails can be tried again from the bucket. Everything of an
 * upload lives under {@code .uploads/<uploadId>/}, which the blob listing leaves out.
 */
public final class S3UploadSpool implements UploadSpool {

  /** The key prefix, under the store's own, of every upload's objects. */
  static final String SPOOL_PREFIX = ".uploads/";

  private static final long MIN_PART_BYTES = 5L << 20;
  private static final long MAX_PARTS = 9_999;
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final Duration UNTOUCHED = Duration.ofMinutes(1);

  private final SpoolBucket bucket;
  private final StagingDirectory staging;

  public S3UploadSpool(S3Client s3, String bucket, String prefix, StagingDirectory staging) {
    this.bucket = new SpoolBucket(s3, bucket, prefix);
    this.staging = staging;
  }

  @Override
  public Appended append(String uploadId, Held held, String key, InputStream body, long maxBytes)
      throws IOException {
    SpoolState state = SpoolState.decode(held.state());
    try (StagedFile staged = staging.create()) {
      removeStaleRests(uploadId, state);
      if (state.restBytes() > 0) {
        try (InputStream rest = bucket.get(state.rest())) {
          copy(rest, staged, Long.MAX_VALUE);
        }
      }
      Optional<IOException> cutOff = Optional.empty();
      try {
        copy(body, staged, maxBytes);
      } catch (BodyFailed e) {
        cutOff = Optional.of(e.cause);
      }
      staged.finish();
      String multipartId = state.multipartId();
      List<Part> parts = new ArrayList<>(state.parts());
      long sent = 0;
      // S3 takes at most 10,000 parts: large uploads get larger ones.
      long partBytes = Math.max(MIN_PART_BYTES, Math.ceilDiv(held.bytes() + maxBytes, MAX_PARTS));
      while (key != null && staged.size() - sent >= partBytes) {
        long unsent = staged.size() - sent;
        long length = unsent >= 2 * partBytes ? partBytes : unsent;
        if (multipartId == null) {
          multipartId = bucket.startMultipart(whole(uploadId));
        }
        parts.add(
            bucket.sendPart(
                whole(uploadId), multipartId, parts.size() + 1, staged.path(), sent, length));
        sent += length;
      }
      long restBytes = staged.size() - sent;
      String rest = null;
      if (restBytes > 0) {
        rest = spoolKey(uploadId) + "rest-" + UUID.randomUUID();
        bucket.put(rest, staged.path(), sent, restBytes);
      }
      SpoolState next = new SpoolState(multipartId, List.copyOf(parts), rest, restBytes);
      return new Appended(new Held(state.partBytes() + staged.size(), next.encode()), cutOff);
    } catch (SdkException e) {
      throw S3BlobStore.unavailable(e);
    }
  }

  @Override
  public InputStream readStart(String uploadId, Held held) throws IOException {
    SpoolState state = SpoolState.decode(held.state());
    if (state.restBytes() == 0) {
      return InputStream.nullInputStream();
    }
    try {
      return bucket.get(state.rest());
    } catch (SdkException e) {
      throw S3BlobStore.unavailable(e);
    }
  }

  @Override
  public PendingBlob finish(String uploadId, Held held, String key) throws IOException {
    SpoolState state = SpoolState.decode(held.state());
    StagedFile local = staging.create();
    try {
      if (!bucket.exists(whole(uploadId), held.bytes())) {
        complete(uploadId, state);
      }
      try (InputStream in = bucket.get(whole(uploadId))) {
        copy(in, local, Long.MAX_VALUE);
      }
      local.finish();
    } catch (SdkException e) {
      local.close();
      throw S3BlobStore.unavailable(e);
    } catch (IOException | RuntimeException e) {
      local.close();
      throw e;
    }
    return new FinishedBlob(
        key,
        held.bytes(),
        local.path(),
        () -> {
          try {
            bucket.copy(whole(uploadId), key, held.bytes());
          } catch (SdkException e) {
            throw S3BlobStore.unavailable(e);
          }
        },
        local::close);
  }

  /**
   * Aborts every multipart upload of the upload (also those an append began and never recorded) and
   * deletes its objects; what fails is left to the expiry sweep.
   */
  @Override
  public void discard(String uploadId, Held held) {
    try {
      bucket.abortMultipartsUnder(spoolKey(uploadId), upload -> true);
      for (String key : bucket.keysUnder(spoolKey(uploadId), Instant.MAX)) {
        bucket.delete(key);
      }
    } catch (SdkException e) {
      // The expiry sweep tries again.
    }
  }

  @Override
  public void discardUnless(Predicate<String> recorded) {
    Instant before = Instant.now().minus(UNTOUCHED);
    try {
      bucket.abortMultipartsUnder(
          SPOOL_PREFIX,
          upload ->
              upload.initiated().isBefore(before)
                  && !recorded.test(uploadIdOf(bucket.keyOf(upload))));
      for (String key : bucket.keysUnder(SPOOL_PREFIX, before)) {
        if (!recorded.test(uploadIdOf(key))) {
          bucket.delete(key);
        }
      }
    } catch (SdkException e) {
      // The next sweep tries again.
    }
  }

  /**
   * Copies the rest in as the last part, in the bucket, and completes the multipart upload into the
   * whole object.
   */
  private void complete(String uploadId, SpoolState state) {
    String multipartId =
        state.multipartId() == null ? bucket.startMultipart(whole(uploadId)) : state.multipartId();
    List<Part> parts = new ArrayList<>(state.parts());
    if (state.restBytes() > 0) {
      parts.add(
          bucket.copyPart(
              state.rest(), 0, state.restBytes(), whole(uploadId), multipartId, parts.size() + 1));
    }
    bucket.completeMultipart(whole(uploadId), multipartId, parts);
  }

  /** Deletes the rests of appends that were never recorded (refused, or cut off unacknowledged). */
  private void removeStaleRests(String uploadId, SpoolState state) {
    for (String key : bucket.keysUnder(spoolKey(uploadId) + "rest-", Instant.MAX)) {
      if (!key.equals(state.rest())) {
        bucket.delete(key);
      }
    }
  }

  private static String spoolKey(String uploadId) {
    return SPOOL_PREFIX + uploadId + "/";
  }

  private static String whole(String uploadId) {
    return spoolKey(uploadId) + "whole";
  }

  /** The upload id in a key under {@link #SPOOL_PREFIX}. */
  private static String uploadIdOf(String key) {
    String name = key.substring(SPOOL_PREFIX.length());
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  /**
   * Copies {@code in} into {@code out}, at most {@code max} bytes; a failure to read is the body's.
   */
  private static void copy(InputStream in, StagedFile out, long max) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long copied = 0;
    while (copied < max) {
      int read;
      try {
        read = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied));
      } catch (IOException e) {
        throw new BodyFailed(e);
      }
      if (read == -1) {
        return;
      }
      out.write(buffer, 0, read);
      copied += read;
    }
  }

  /** Reading what was to be copied failed (for a request body: the client's failure). */
  private static final class BodyFailed extends IOException {
    private final IOException cause;

    BodyFailed(IOException cause) {
      super(cause);
      this.cause = cause;
    }
  }
}
