package ai.assetlibrary.server.storage.s3;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.storage.BlobEntry;
import ai.assetlibrary.server.storage.BlobMissingException;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.LocalFile;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.StagingDirectory.StagedFile;
import ai.assetlibrary.server.storage.StorageCapacity;
import ai.assetlibrary.server.storage.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of an S3 bucket, under a key prefix. A blob is staged in a local file of the
 * data directory (for the media probe) and sent on while it arrives: beyond {@link
 * Multipart#PART_BYTES} as a multipart upload whose parts go up as they fill, so that the upload to
 * the bucket runs alongside the request instead of after it; smaller blobs in one request at the
 * commit. The object is complete in the bucket before the commit returns, and an upload given up is
 * aborted. The staged file is not forced to disk: it is only read for the upload and then removed.
 * Reads ask the bucket for exactly the bytes wanted. A bucket that cannot be reached, or keeps
 * failing after the client's retries, is the domain's {@code STORAGE_UNAVAILABLE}.
 */
public final class S3BlobStore implements BlobStore {

  private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);
  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final StagingDirectory staging;
  private final Duration abandonedAfter;
  private final Clock clock;
  private final Multipart multipart;

  /**
   * @param prefix what every object key starts with (empty, or ending in {@code /})
   * @param abandonedAfter how old an unfinished multipart upload must be before it is taken for the
   *     leftover of a crash (other instances may be uploading)
   */
  public S3BlobStore(
      S3Client s3,
      String bucket,
      String prefix,
      StagingDirectory staging,
      Duration abandonedAfter,
      Clock clock) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.staging = staging;
    this.abandonedAfter = abandonedAfter;
    this.clock = clock;
    this.multipart = new Multipart(s3, bucket);
  }

  @Override
  public PendingBlob create(String key) throws IOException {
    return new S3PendingBlob(key, staging.create());
  }

  @Override
  public Optional<StoredBlob> find(String key) {
    HeadObjectResponse head;
    try {
      head = call(() -> s3.headObject(request -> request.bucket(bucket).key(prefix + key)));
    } catch (BlobMissing e) {
      return Optional.empty();
    }
    long size = head.contentLength();
    return Optional.of(
        new StoredBlob() {
          @Override
          public long size() {
            return size;
          }

          @Override
          public InputStream open(long offset, long length) throws IOException {
            if (length == 0) {
              return InputStream.nullInputStream();
            }
            String range = "bytes=" + offset + "-" + (offset + length - 1);
            try {
              return new AbortingInputStream(
                  call(
                      () ->
                          s3.getObject(
                              request -> request.bucket(bucket).key(prefix + key).range(range))));
            } catch (BlobMissing e) {
              throw new BlobMissingException(key, e);
            }
          }

          @Override
          public LocalFile localFile() throws IOException {
            StagedFile copy = staging.create();
            try (InputStream in = open(0, size)) {
              byte[] buffer = new byte[COPY_BUFFER_BYTES];
              for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                copy.write(buffer, 0, read);
              }
              copy.finish();
            } catch (IOException | RuntimeException e) {
              copy.close();
              throw e;
            }
            return new LocalFile(copy.path(), copy::close);
          }
        });
  }

  @Override
  public void delete(String key) {
    call(() -> s3.deleteObject(request -> request.bucket(bucket).key(prefix + key)));
  }

  @Override
  public Stream<BlobEntry> list() {
    return call(
        () ->
            s3
                .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()
                .stream()
                .filter(object -> !object.key().startsWith(prefix + S3UploadSpool.SPOOL_PREFIX))
                .map(
                    object ->
                        new BlobEntry(
                            object.key().substring(prefix.length()), object.lastModified())));
  }

  @Override
  public int discardAbandonedWrites() throws IOException {
    int discarded = staging.discardAbandoned();
    Instant before = clock.instant().minus(abandonedAfter);
    for (MultipartUpload upload :
        call(
            () ->
                s3
                    .listMultipartUploadsPaginator(request -> request.bucket(bucket).prefix(prefix))
                    .uploads()
                    .stream()
                    .filter(u -> u.initiated().isBefore(before))
                    .filter(u -> !multipart.inProgress(u.uploadId()))
                    .filter(u -> !u.key().startsWith(prefix + S3UploadSpool.SPOOL_PREFIX))
                    .toList())) {
      multipart.abort(upload.key(), upload.uploadId());
      discarded++;
    }
    return discarded;
  }

  @Override
  public void check() {
    try {
      call(() -> s3.headBucket(request -> request.bucket(bucket)));
    } catch (BlobMissing e) {
      throw new IllegalStateException("The bucket '" + bucket + "' does not exist", e);
    }
  }

  @Override
  public Optional<StorageCapacity> capacity() {
    return Optional.empty();
  }

  /**
   * Runs one call to the bucket: a missing object is {@link BlobMissing}, any other failure the
   * client did not overcome with its retries is {@code STORAGE_UNAVAILABLE}.
   */
  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (NoSuchKeyException e) {
      throw new BlobMissing(e);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new BlobMissing(e);
      }
      throw unavailable(e);
    } catch (SdkException e) {
      throw unavailable(e);
    }
  }

  static LibraryException unavailable(SdkException e) {
    LOG.error("The bucket failed: {}", e.getMessage());
    return new LibraryException(
        Failure.STORAGE_UNAVAILABLE,
        "The blob storage cannot be reached; nothing was kept. Retry later.");
  }

  /** The object asked for is not in the bucket. */
  private static final class BlobMissing extends RuntimeException {
    BlobMissing(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /**
   * A blob staged in a local file and sent on while it is written: once it outgrows one part, a
   * multipart upload starts and every part goes up as soon as it is in the file; the commit sends
   * the rest and completes the upload. A blob of one part or less goes up whole at the commit.
   */
  private final class S3PendingBlob implements PendingBlob {

    private final String key;
    private final StagedFile staged;
    private Multipart.Upload upload;
    private long sent;
    private boolean committed;

    private S3PendingBlob(String key, StagedFile staged) {
      this.key = key;
      this.staged = staged;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      staged.write(buffer, offset, length);
      try {
        while (staged.size() - sent >= Multipart.PART_BYTES) {
          if (upload == null) {
            upload = multipart.start(prefix + key);
          }
          upload.throwIfAPartFailed();
          upload.send(staged.path(), sent, Multipart.PART_BYTES);
          sent += Multipart.PART_BYTES;
        }
      } catch (SdkException e) {
        throw unavailable(e);
      }
    }

    @Override
    public long size() {
      return staged.size();
    }

    @Override
    public Path stagingFile() {
      return staged.path();
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void commit() throws IOException {
      staged.finish();
      if (upload == null) {
        call(
            () ->
                s3.putObject(
                    request ->
                        request.bucket(bucket).key(prefix + key).contentLength(staged.size()),
                    RequestBody.fromFile(staged.path())));
      } else {
        try {
          if (staged.size() > sent) {
            upload.send(staged.path(), sent, staged.size() - sent);
          }
          upload.complete();
        } catch (SdkException e) {
          throw unavailable(e);
        }
      }
      committed = true;
    }

    @Override
    public void close() {
      if (upload != null && !committed) {
        upload.abort();
      }
      staged.close();
    }
  }
}
