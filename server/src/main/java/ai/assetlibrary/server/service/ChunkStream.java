package ai.assetlibrary.server.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * A resumable upload's request body as it is read: every byte goes into the digests that follow the
 * upload, and the upload's lock is renewed while the body keeps arriving.
 */
final class ChunkStream extends FilterInputStream {

  private static final long RENEW_EVERY_NANOS = OwnedUploads.LOCK_LEASE.toNanos() / 3;

  private final List<MessageDigest> digests;
  private final Runnable renewLock;
  private long lastRenewal = System.nanoTime();

  ChunkStream(InputStream body, List<MessageDigest> digests, Runnable renewLock) {
    super(body);
    this.digests = digests;
    this.renewLock = renewLock;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read > 0) {
      for (MessageDigest digest : digests) {
        digest.update(buffer, offset, read);
      }
    }
    long now = System.nanoTime();
    if (now - lastRenewal > RENEW_EVERY_NANOS) {
      renewLock.run();
      lastRenewal = now;
    }
    return read;
  }

  @Override
  public long skip(long n) {
    return 0;
  }
}
