package ai.assetlibrary.server.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's bytes as the bucket sends them. Closed before its end (a client that went away), it
 * aborts the request instead of reading the rest to reuse the connection.
 */
final class AbortingInputStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean ended;

  AbortingInputStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    ended |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    ended |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      response.abort();
    }
    super.close();
  }
}
