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

  private final List<MessageDigest> digests;

  ChunkStream(InputStream body, List<MessageDigest> digests) {
    super(body);
    this.digests = digests;
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
    return read;
  }

  @Override
  public long skip(long n) {
    return 0;
  }
}
