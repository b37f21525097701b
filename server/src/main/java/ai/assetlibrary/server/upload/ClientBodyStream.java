package ai.assetlibrary.server.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw request body, with read failures marked as the client's ({@link RequestBodyException}).
 */
final class ClientBodyStream extends FilterInputStream {

  ClientBodyStream(InputStream body) {
    super(body);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw new RequestBodyException(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      throw new RequestBodyException(e);
    }
  }
}
