package ai.assetlibrary.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * S3 multipart uploads from a local file that is still being written: each part is sent as soon as
 * its bytes are in the file, straight from the file (re-readable for the client's retries), on one
 * small pool of uploader threads shared by every upload, so concurrent uploads cannot open
 * connections without bound. An upload that fails or is given up is aborted once none of its parts
 * is in flight any more, so it leaves no parts behind.
 */
final class Multipart {

  /** Size of every part but the last; blobs up to this size go up in a single request. */
  static final long PART_BYTES = 16L * 1024 * 1024;

  /** Parts in flight at once, over all uploads. */
  private static final int UPLOADERS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(Multipart.class);

  private final S3Client s3;
  private final String bucket;
  private final ThreadPoolExecutor uploaders;
  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

  Multipart(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
    this.uploaders =
        new ThreadPoolExecutor(
            UPLOADERS,
            UPLOADERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreadsNamed("s3-part-uploader-"));
    uploaders.allowCoreThreadTimeOut(true);
  }

  /** Starts a multipart upload to {@code key}. */
  Upload start(String key) {
    String uploadId =
        s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
    inProgress.add(uploadId);
    return new Upload(key, uploadId);
  }

  /** Whether the upload {@code uploadId} is one of this process's, still being written. */
  boolean inProgress(String uploadId) {
    return inProgress.contains(uploadId);
  }

  /** Aborts an unfinished upload; a failure to do so is logged (the sweep tries again). */
  void abort(String key, String uploadId) {
    try {
      s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("Could not abort the multipart upload {} of {}: {}", uploadId, key, e.getMessage());
    }
  }

  /** One multipart upload, its parts sent in order of their offsets in the file. */
  final class Upload {

    private final String key;
    private final String uploadId;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private volatile boolean givenUp;

    private Upload(String key, String uploadId) {
      this.key = key;
      this.uploadId = uploadId;
    }

    /** Sends {@code length} bytes of {@code file} from {@code offset} on as the next part. */
    void send(Path file, long offset, long length) {
      int partNumber = parts.size() + 1;
      parts.add(uploaders.submit(() -> part(partNumber, file, offset, length)));
    }

    /** Throws the failure of a part that has already failed, if one has: no need to go on. */
    void throwIfAPartFailed() {
      for (Future<CompletedPart> part : parts) {
        if (part.isDone()) {
          outcome(part);
        }
      }
    }

    /** Waits for every part and completes the upload: the object is then whole in the bucket. */
    void complete() throws InterruptedIOException {
      List<CompletedPart> completed = new ArrayList<>();
      try {
        for (Future<CompletedPart> part : parts) {
          completed.add(part.get());
        }
        s3.completeMultipartUpload(
            request ->
                request
                    .bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(completed)));
        inProgress.remove(uploadId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abort();
        throw new InterruptedIOException("Interrupted while uploading " + key);
      } catch (ExecutionException e) {
        abort();
        throw outcomeOf(e);
      } catch (RuntimeException e) {
        abort();
        throw e;
      }
    }

    /**
     * Gives the upload up: the parts not started yet are skipped, those in flight waited for (a
     * part that lands after the abort would outlive it), then the upload is aborted. Never throws.
     */
    void abort() {
      givenUp = true;
      for (Future<CompletedPart> part : parts) {
        try {
          part.get();
        } catch (ExecutionException e) {
          // the part's own outcome no longer matters
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      Multipart.this.abort(key, uploadId);
      inProgress.remove(uploadId);
    }

    private CompletedPart part(int partNumber, Path file, long offset, long length) {
      if (givenUp) {
        throw new CancellationException("The upload of " + key + " was given up");
      }
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
                      () -> range(file, offset, length), length, "application/octet-stream"))
              .eTag();
      return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
    }
  }

  /** The part's result; its failure rethrown as it was. Only for a part that is done. */
  private static CompletedPart outcome(Future<CompletedPart> part) {
    try {
      return part.get();
    } catch (ExecutionException e) {
      throw outcomeOf(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static RuntimeException outcomeOf(ExecutionException e) {
    return e.getCause() instanceof RuntimeException failure
        ? failure
        : new IllegalStateException(e.getCause());
  }

  static InputStream range(Path file, long offset, long length) {
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

  private static ThreadFactory daemonThreadsNamed(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
