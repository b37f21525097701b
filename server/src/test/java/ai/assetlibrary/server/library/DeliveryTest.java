package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery URLs: headers, HEAD, ranges and conditional requests. */
class DeliveryTest extends ServerTest {

  private byte[] content;
  private URI url;
  private String etag;

  @BeforeEach
  void upload() {
    content = TestMedia.png(300, 200);
    JsonNode asset =
        TestServer.json(
                server.upload(
                    key,
                    Multipart.form()
                        .file("file", "a.png", "image/png", content)
                        .text("name", "Café \"menu\"")))
            .get("data");
    url = URI.create(asset.get("url").asText());
    etag = '"' + TestMedia.sha256(content) + '"';
  }

  @Test
  void fullResponseCarriesEveryDeliveryHeader() {
    HttpResponse<byte[]> response = get(null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(content);
    assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(content.length));
    assertThat(header(response, "ETag")).isEqualTo(etag);
    assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(response, "Last-Modified")).endsWith("GMT");
    assertThat(header(response, "Cache-Control")).contains("immutable");
    assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(response, "Content-Disposition"))
        .isEqualTo(
            "inline; filename=\"Caf_ _menu_.png\"; filename*=UTF-8''Caf%C3%A9%20%22menu%22.png");
  }

  @Test
  void headAnswersTheHeadersWithoutTheBody() throws Exception {
    HttpResponse<byte[]> response =
        server
            .client()
            .send(
                HttpRequest.newBuilder(url)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(content.length));
    assertThat(header(response, "ETag")).isEqualTo(etag);
    assertThat(header(response, "Content-Type")).isEqualTo("image/png");
  }

  @Test
  void singleRangesIncludingSuffixAndOpenEnded() {
    int size = content.length;
    assertRange("bytes=0-9", 0, 9);
    assertRange("bytes=10-", 10, size - 1);
    assertRange("bytes=-10", size - 10, size - 1);
    assertRange("bytes=5-999999", 5, size - 1);
    assertRange("bytes=-999999", 0, size - 1);
  }

  @Test
  void unsatisfiableRangeIs416WithTheSize() {
    for (String range : new String[] {"bytes=" + content.length + "-", "bytes=-0"}) {
      HttpResponse<byte[]> response = get(range);

      assertThat(response.statusCode()).as(range).isEqualTo(416);
      assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + content.length);
      assertThat(new String(response.body())).contains("RANGE_NOT_SATISFIABLE");
    }
  }

  @Test
  void rangesThisServerDoesNotServeGetTheWholeContent() {
    for (String range : new String[] {"bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=x-"}) {
      HttpResponse<byte[]> response = get(range);

      assertThat(response.statusCode()).as(range).isEqualTo(200);
      assertThat(response.body()).isEqualTo(content);
    }
  }

  @Test
  void ifNoneMatchWithTheCurrentTagIs304() {
    for (String tag : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
      HttpResponse<byte[]> response =
          send(HttpRequest.newBuilder(url).header("If-None-Match", tag));

      assertThat(response.statusCode()).as(tag).isEqualTo(304);
      assertThat(response.body()).isEmpty();
      assertThat(header(response, "ETag")).isEqualTo(etag);
    }
    assertThat(send(HttpRequest.newBuilder(url).header("If-None-Match", "\"other\"")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void ifRangeAppliesTheRangeOnlyWhileTheTagIsCurrent() {
    HttpResponse<byte[]> current =
        send(HttpRequest.newBuilder(url).header("Range", "bytes=0-3").header("If-Range", etag));
    HttpResponse<byte[]> stale =
        send(
            HttpRequest.newBuilder(url).header("Range", "bytes=0-3").header("If-Range", "\"old\""));

    assertThat(current.statusCode()).isEqualTo(206);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(content);
  }

  @Test
  void largeContentsSentToSeveralClientsAtOnceArriveWholeOverConnectionsThatStayUsable() {
    byte[] large = TestMedia.wav(400);
    URI largeUrl =
        URI.create(
            TestServer.json(
                    server.upload(
                        key, Multipart.form().file("file", "long.wav", "audio/wav", large)))
                .at("/data/url")
                .asText());

    List<CompletableFuture<HttpResponse<byte[]>>> downloads =
        IntStream.range(0, 4)
            .mapToObj(
                i ->
                    server
                        .client()
                        .sendAsync(
                            HttpRequest.newBuilder(largeUrl).build(),
                            HttpResponse.BodyHandlers.ofByteArray()))
            .toList();
    for (CompletableFuture<HttpResponse<byte[]>> download : downloads) {
      HttpResponse<byte[]> response = download.join();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(TestMedia.sha256(response.body())).isEqualTo(TestMedia.sha256(large));
    }
    HttpResponse<byte[]> tail = send(HttpRequest.newBuilder(largeUrl).header("Range", "bytes=-5"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(large, large.length - 5, large.length));
  }

  private void assertRange(String range, int first, int last) {
    HttpResponse<byte[]> response = get(range);

    assertThat(response.statusCode()).as(range).isEqualTo(206);
    assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    assertThat(header(response, "Content-Range"))
        .isEqualTo("bytes " + first + "-" + last + "/" + content.length);
    assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(last - first + 1));
  }

  private HttpResponse<byte[]> get(String range) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    if (range != null) {
      request.header("Range", range);
    }
    return send(request);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return server.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
