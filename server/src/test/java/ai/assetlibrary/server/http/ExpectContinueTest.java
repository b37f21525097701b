package ai.assetlibrary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.RawHttp;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@code Expect: 100-continue} is answered before the body is sent, whether the body is framed by
 * {@code Content-Length} or chunked (as Java's {@code HttpURLConnection} and tus-java-client send
 * it), and the connection then serves the next request.
 */
class ExpectContinueTest extends ServerTest {

  /** Guards against a server that never answers: the test fails then, it never waits longer. */
  private static final int NEVER_MILLIS = 60_000;

  @Test
  void aChunkedBodyIsAskedForAtOnceAndTheConnectionServesTheNextRequest() throws Exception {
    byte[] png = TestMedia.png(64, 48);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(NEVER_MILLIS);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String boundary = "b0undary";
      byte[] body =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                  + "Content-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      out.write(
          ("POST /v1/assets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + key
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 100");

      for (byte[] chunk : new byte[][] {body, png, tail}) {
        out.write(
            (HexFormat.of().toHexDigits(chunk.length).replaceFirst("^0+(?!$)", "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 200");

      out.write(
          "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 200");
    }
    assertThat(server.assetRows()).isEqualTo(1);
  }
}
