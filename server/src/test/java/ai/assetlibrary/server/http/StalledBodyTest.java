package ai.assetlibrary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that stops sending in the middle of its body is answered 408 {@code REQUEST_TIMEOUT}
 * once the read timeout (here 1 s) passes; nothing of the upload is kept and the server serves on.
 */
class StalledBodyTest extends ServerTest {

  StalledBodyTest() {
    super(new RunningServer(Map.of("ASSETS_READ_TIMEOUT_SECONDS", "1")));
  }

  @Test
  void anUploadThatStopsMidBodyIs408AndLeavesNothing() throws IOException, InterruptedException {
    Multipart form = Multipart.form().file("file", "a.png", "image/png", TestMedia.png(64, 48));
    byte[] body = form.body();

    String response =
        stall(
            "POST",
            "/v1/assets",
            form.contentType(),
            body.length,
            Arrays.copyOf(body, body.length / 2));

    assertThat(response).startsWith("HTTP/1.1 408").contains("\"serviceCode\":\"REQUEST_TIMEOUT\"");
    assertThat(server.library().uploads().finishedUploads().await(1, Duration.ofSeconds(30)))
        .isTrue();
    assertThat(server.leftoverWrites()).isEmpty();
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.assetRows()).isZero();
    assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aJsonBodyThatStopsMidwayIs408() throws IOException {
    byte[] partial = "{\"name\":\"Cam".getBytes(StandardCharsets.UTF_8);

    String response = stall("POST", "/v1/asset-groups", "application/json", 100, partial);

    assertThat(response).startsWith("HTTP/1.1 408").contains("\"serviceCode\":\"REQUEST_TIMEOUT\"");
    assertThat(server.get("/v1/asset-groups", key).body()).doesNotContain("Cam");
  }

  /**
   * Sends the head of a request announcing {@code contentLength} bytes, then only {@code sent} of
   * them, and returns whatever the server answers before it closes the connection.
   */
  private String stall(
      String method, String path, String contentType, int contentLength, byte[] sent)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + key
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + contentLength
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(sent);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
        if (answer.toString(StandardCharsets.UTF_8).contains("\"serviceCode\"")) {
          break;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
