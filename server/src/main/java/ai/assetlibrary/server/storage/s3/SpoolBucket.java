package ai.assetlibrary.server.storage.s3;

import ai.assetlibrary.server.storage.s3.SpoolState.Part;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket calls the resumable-upload spool makes, on keys under the store's prefix: objects,
 * multipart uploads and their parts, and server-side copies (part by part past 5 GiB, as S3
 * requires).
 */
final class SpoolBucket {

  private static final long MAX_COPY_BYTES = 5L << 30;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  SpoolBucket(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  InputStream get(String key) {
    return new AbortingInputStream(
        s3.getObject(request -> request.bucket(bucket).key(prefix + key)));
  }

  /** Puts {@code length} bytes of {@code file} from {@code offset} as the object {@code key}. */
  void put(String key, Path file, long offset, long length) {
    s3.putObject(
        request -> request.bucket(bucket).key(prefix + key).contentLength(length),
        RequestBody.fromContentProvider(
            () -> Multipart.range(file, offset, length), length, "application/octet-stream"));
  }

  boolean exists(String key, long size) {
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

  /** The objects whose keys start with {@code key}, their keys without the store's prefix. */
  List<String> keysUnder(String key, Instant modifiedBefore) {
    return s3
        .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + key))
        .contents()
        .stream()
        .filter(object -> object.lastModified().isBefore(modifiedBefore))
        .map(S3Object::key)
        .map(full -> full.substring(prefix.length()))
        .toList();
  }

  void delete(String key) {
    s3.deleteObject(request -> request.bucket(bucket).key(prefix + key));
  }

  String startMultipart(String key) {
    return s3.createMultipartUpload(request -> request.bucket(bucket).key(prefix + key)).uploadId();
  }

  Part sendPart(String key, String multipartId, int number, Path file, long offset, long length) {
    String etag =
        s3.uploadPart(
                request ->
                    request
                        .bucket(bucket)
                        .key(prefix + key)
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

  void completeMultipart(String key, String multipartId, List<Part> parts) {
    List<CompletedPart> completed =
        parts.stream()
            .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build())
            .toList();
    s3.completeMultipartUpload(
        request ->
            request
                .bucket(bucket)
                .key(prefix + key)
                .uploadId(multipartId)
                .multipartUpload(upload -> upload.parts(completed)));
  }

  /**
   * Aborts the multipart uploads whose keys start with {@code key} and that {@code abort} picks,
   * given the key without the store's prefix and when it began.
   */
  void abortMultipartsUnder(String key, Predicate<MultipartUpload> abort) {
    for (MultipartUpload upload :
        s3
            .listMultipartUploadsPaginator(request -> request.bucket(bucket).prefix(prefix + key))
            .uploads()
            .stream()
            .filter(abort)
            .toList()) {
      s3.abortMultipartUpload(
          request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
    }
  }

  /** The key of a multipart upload listed by {@link #abortMultipartsUnder}, without the prefix. */
  String keyOf(MultipartUpload upload) {
    return upload.key().substring(prefix.length());
  }

  /** Copies {@code from} to {@code to} in the bucket, without the bytes leaving it. */
  void copy(String from, String to, long size) {
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
    String multipartId = startMultipart(to);
    List<Part> parts = new ArrayList<>();
    for (long offset = 0; offset < size; offset += MAX_COPY_BYTES) {
      long length = Math.min(size, offset + MAX_COPY_BYTES) - offset;
      parts.add(copyPart(from, offset, length, to, multipartId, parts.size() + 1));
    }
    completeMultipart(to, multipartId, parts);
  }

  /**
   * Copies {@code length} bytes of the object {@code from}, from {@code offset}, as part {@code
   * number} of a multipart upload to {@code key}, without the bytes leaving the bucket.
   */
  Part copyPart(String from, long offset, long length, String key, String multipartId, int number) {
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    String etag =
        s3.uploadPartCopy(
                request ->
                    request
                        .sourceBucket(bucket)
                        .sourceKey(prefix + from)
                        .destinationBucket(bucket)
                        .destinationKey(prefix + key)
                        .uploadId(multipartId)
                        .partNumber(number)
                        .copySourceRange(range))
            .copyPartResult()
            .eTag();
    return new Part(number, etag, length);
  }
}
