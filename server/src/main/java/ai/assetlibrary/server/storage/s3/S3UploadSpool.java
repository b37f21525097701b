package ai.assetlibrary.server.storage.s3;

import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StagingDirectory.StagedFile;
import ai.assetlibrary.server.storage.UploadSpool;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

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
  private static final long MAX_COPY_BYTES = 5L << 30;
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final StagingDirectory staging;

  /** What the records keep of an upload's bytes in the bucket. */
  record State(String multipartId, List<Part> parts, String rest, long restBytes) {

    static final State EMPTY = new State(null, List.of(), null, 0);

    long partBytes() {
      return parts.stream().mapToLong(Part::bytes).sum();
    }
  }

  /** One part of the multipart upload. */
  record Part(int number, String etag, long bytes) {}

  public S3UploadSpool(S3Client s3, String bucket, String prefix, StagingDirectory staging) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.staging = staging;
  }

  @Override
  public Appended append(String uploadId, Held held, String key, InputStream body, long maxBytes)
      throws IOException {
    State state = decode(held.state());
    try (StagedFile staged = staging.create()) {
      removeStaleRests(uploadId, state);
      if (state.restBytes() > 0) {
        try (InputStream rest = get(state.rest())) {
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
      while (key != null && staged.size() - sent >= MIN_PART_BYTES) {
        long length =
            staged.size() - sent >= 2 * MIN_PART_BYTES ? MIN_PART_BYTES : staged.size() - sent;
        if (multipartId == null) {
          multipartId = startWhole(uploadId);
        }
        parts.add(sendPart(uploadId, multipartId, parts.size() + 1, staged.path(), sent, length));
        sent += length;
      }
      long restBytes = staged.size() - sent;
      String rest = null;
      if (restBytes > 0) {
        rest = spoolKey(uploadId) + "rest-" + UUID.randomUUID();
        String restKey = rest;
        long from = sent;
        s3.putObject(
            request -> request.bucket(bucket).key(prefix + restKey).contentLength(restBytes),
            RequestBody.fromContentProvider(
                () -> Multipart.range(staged.path(), from, restBytes),
                restBytes,
                "application/octet-stream"));
      }
      State next = new State(multipartId, List.copyOf(parts), rest, restBytes);
      return new Appended(new Held(state.partBytes() + staged.size(), encode(next)), cutOff);
    } catch (SdkException e) {
      throw S3BlobStore.unavailable(e);
    }
  }

  @Override
  public InputStream readStart(String uploadId, Held held) throws IOException {
    State state = decode(held.state());
    if (state.restBytes() == 0) {
      return InputStream.nullInputStream();
    }
    try {
      return get(state.rest());
    } catch (SdkException e) {
      throw S3BlobStore.unavailable(e);
    }
  }

  @Override
  public PendingBlob finish(String uploadId, Held held, String key) throws IOException {
    State state = decode(held.state());
    String whole = spoolKey(uploadId) + "whole";
    StagedFile local = staging.create();
    try {
      if (!exists(whole, held.bytes())) {
        complete(uploadId, state, whole);
      }
      try (InputStream in = get(whole)) {
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
    return new PendingBlob() {
      @Override
      public void write(byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("A finished upload takes no more bytes");
      }

      @Override
      public long size() {
        return held.bytes();
      }

      @Override
      public Path stagingFile() {
        return local.path();
      }

      @Override
      public String key() {
        return key;
      }

      @Override
      public void commit() {
        try {
          copyObject(whole, key, held.bytes());
        } catch (SdkException e) {
          throw S3BlobStore.unavailable(e);
        }
      }

      @Override
      public void close() {
        local.close();
      }
    };
  }

  @Override
  public void discard(String uploadId, Held held) {
    try {
      State state = decode(held.state());
      if (state.multipartId() != null) {
        s3.abortMultipartUpload(
            request ->
                request
                    .bucket(bucket)
                    .key(prefix + spoolKey(uploadId) + "whole")
                    .uploadId(state.multipartId()));
      }
    } catch (SdkException | IOException e) {
      // Completed already, or aborted: the objects below are what is left.
    }
    try {
      for (S3Object object : objectsUnder(spoolKey(uploadId))) {
        s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
      }
    } catch (SdkException e) {
      // The expiry sweep tries again.
    }
  }

  @Override
  public void discardUnless(Predicate<String> recorded) {
    Instant before = Instant.now().minusSeconds(60);
    try {
      for (S3Object object : objectsUnder(SPOOL_PREFIX)) {
        String name = object.key().substring((prefix + SPOOL_PREFIX).length());
        String uploadId = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        if (object.lastModified().isBefore(before) && !recorded.test(uploadId)) {
          s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
        }
      }
    } catch (SdkException e) {
      // The next sweep tries again.
    }
  }

  /** Starts the multipart upload that becomes the upload's whole object. */
  private String startWhole(String uploadId) {
    return s3.createMultipartUpload(
            request -> request.bucket(bucket).key(prefix + spoolKey(uploadId) + "whole"))
        .uploadId();
  }

  private Part sendPart(
      String uploadId, String multipartId, int number, Path file, long offset, long length) {
    String etag =
        s3.uploadPart(
                request ->
                    request
                        .bucket(bucket)
                        .key(prefix + spoolKey(uploadId) + "whole")
                        .uploadId(multipartId)
                        .partNumber(number)
                        .contentLength(length),
                RequestBody.fromContentProvider(
                    () -> Multipart.range(file, offset, length),
                    length,
                    "application/octet-stream"))
            .eTag();
    return new Part(number, etag, length);
  }

  /** Sends the rest as the last part and completes the multipart upload into {@code whole}. */
  private void complete(String uploadId, State state, String whole) throws IOException {
    String multipartId = state.multipartId() == null ? startWhole(uploadId) : state.multipartId();
    List<Part> parts = new ArrayList<>(state.parts());
    if (state.restBytes() > 0) {
      try (StagedFile rest = staging.create()) {
        try (InputStream in = get(state.rest())) {
          copy(in, rest, Long.MAX_VALUE);
        }
        rest.finish();
        parts.add(
            sendPart(uploadId, multipartId, parts.size() + 1, rest.path(), 0, state.restBytes()));
      }
    }
    List<CompletedPart> completed =
        parts.stream()
            .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build())
            .toList();
    s3.completeMultipartUpload(
        request ->
            request
                .bucket(bucket)
                .key(prefix + whole)
                .uploadId(multipartId)
                .multipartUpload(upload -> upload.parts(completed)));
  }

  /** A server-side copy; objects over 5 GiB go part by part, as S3 requires. */
  private void copyObject(String from, String to, long size) {
    if (size <= MAX_COPY_BYTES) {
      s3.copyObject(
          request ->
              request
                  .sourceBucket(bucket)
                  .sourceKey(prefix + from)
                  .destinationBucket(bucket)
                  .destinationKey(prefix + to));
      return;
    }
    String multipartId =
        s3.createMultipartUpload(request -> request.bucket(bucket).key(prefix + to)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (long offset = 0; offset < size; offset += MAX_COPY_BYTES) {
      long last = Math.min(size, offset + MAX_COPY_BYTES) - 1;
      String range = "bytes=" + offset + "-" + last;
      int number = parts.size() + 1;
      String etag =
          s3.uploadPartCopy(
                  request ->
                      request
                          .sourceBucket(bucket)
                          .sourceKey(prefix + from)
                          .destinationBucket(bucket)
                          .destinationKey(prefix + to)
                          .uploadId(multipartId)
                          .partNumber(number)
                          .copySourceRange(range))
              .copyPartResult()
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    s3.completeMultipartUpload(
        request ->
            request
                .bucket(bucket)
                .key(prefix + to)
                .uploadId(multipartId)
                .multipartUpload(upload -> upload.parts(parts)));
  }

  /** Deletes the rests of appends that were never recorded (refused, or cut off unacknowledged). */
  private void removeStaleRests(String uploadId, State state) {
    for (S3Object object : objectsUnder(spoolKey(uploadId))) {
      String name = object.key().substring(prefix.length());
      if (name.contains("/rest-") && !name.equals(state.rest())) {
        s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
      }
    }
  }

  private boolean exists(String key, long size) {
    try {
      return s3.headObject(request -> request.bucket(bucket).key(prefix + key)).contentLength()
          == size;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private InputStream get(String key) {
    return new AbortingInputStream(
        s3.getObject(request -> request.bucket(bucket).key(prefix + key)));
  }

  /** The objects whose keys start with {@code key} (under the store's prefix). */
  private List<S3Object> objectsUnder(String key) {
    return s3
        .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + key))
        .contents()
        .stream()
        .toList();
  }

  private static String spoolKey(String uploadId) {
    return SPOOL_PREFIX + uploadId + "/";
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

  private static State decode(String state) throws IOException {
    if (state == null) {
      return State.EMPTY;
    }
    return JSON.readValue(state, State.class);
  }

  private static String encode(State state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
