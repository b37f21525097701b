package ai.assetlibrary.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a local file as an S3 multipart upload, part by part straight from the file (each part
 * re-readable for the client's retries), and aborts the upload when any step fails, so a failed
 * upload leaves no parts behind.
 */
final class Multipart {

  /** Size of every part but the last; files up to this size go up in a single request. */
  static final long PART_BYTES = 16L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(Multipart.class);

  private final S3Client s3;
  private final String bucket;

  Multipart(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Uploads {@code size} bytes of {@code file} to {@code key}; complete when this returns. */
  void upload(String key, Path file, long size) {
    String uploadId =
        s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long offset = 0; offset < size; offset += PART_BYTES, number++) {
        long length = Math.min(PART_BYTES, size - offset);
        int partNumber = number;
        long from = offset;
        String etag =
            s3.uploadPart(
                    request ->
                        request
                            .bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(partNumber)
                            .contentLength(length),
                    RequestBody.fromContentProvider(
                        () -> range(file, from, length), length, "application/octet-stream"))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          request ->
              request
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(upload -> upload.parts(parts)));
    } catch (RuntimeException e) {
      abort(key, uploadId);
      throw e;
    }
  }

  /** Aborts an unfinished upload; a failure to do so is logged (the sweep tries again). */
  void abort(String key, String uploadId) {
    try {
      s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("Could not abort the multipart upload {} of {}: {}", uploadId, key, e.getMessage());
    }
  }

  private static InputStream range(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      return BoundedInputStream.builder()
          .setInputStream(Channels.newInputStream(channel))
          .setMaxCount(length)
          .get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
