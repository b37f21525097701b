package ai.assetlibrary.server.renditions;

import static ai.assetlibrary.server.renditions.Renditions.fetch;
import static ai.assetlibrary.server.renditions.Renditions.ok;
import static ai.assetlibrary.server.renditions.Renditions.rendition;
import static ai.assetlibrary.server.renditions.Renditions.upload;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stored content, found again and again: answered alike whether its parameters are on the grid (as
 * served from what is stored) or off it (checked, then served), refused alike when they are wrong,
 * and gone at once with its asset.
 */
class StoredDeliveryTest extends ServerTest {

  /** Requests that differ only in their conditional and range headers. */
  private static final List<Map<String, String>> VARIANTS =
      List.of(
          Map.of(),
          Map.of("Range", "bytes=10-99"),
          Map.of("Range", "bytes=-50"),
          Map.of("Range", "bytes=99999999-"),
          Map.of("Range", "bytes=0-9", "If-Range", "\"another\""),
          Map.of("If-None-Match", "ETAG"),
          Map.of("If-None-Match", "W/ETAG, \"another\""),
          Map.of("X-Request-Id", "trace-42"));

  @ParameterizedTest(name = "{0} with Accept {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "format=png | ",
        "format=auto | 'image/webp,*/*'",
        "format=auto | 'image/jpeg,*/*'",
        "fit=cover&h=240 | ",
        "fit=cover&h=240&q=70&format=webp | "
      })
  void aStoredRenditionAnswersAlikeOnTheGridAndOffIt(String parameters, String accept) {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    // 4000 snaps up to 4096, and both are capped at the picture's 600: one rendition.
    URI offGrid = rendition(asset, "w=4000&" + parameters);
    URI onGrid = rendition(asset, "w=4096&" + parameters);
    byte[] rendered = fetch(server, offGrid, accept).body();
    String etag = fetch(server, onGrid, accept).headers().firstValue("ETag").orElseThrow();

    for (Map<String, String> variant : VARIANTS) {
      for (String method : List.of("GET", "HEAD")) {
        HttpResponse<byte[]> checked = send(method, offGrid, accept, variant, etag);
        HttpResponse<byte[]> stored = send(method, onGrid, accept, variant, etag);

        String what = method + " " + variant;
        assertThat(stored.statusCode()).as(what).isEqualTo(checked.statusCode());
        assertThat(headersBut(stored)).as(what).isEqualTo(headersBut(checked));
        assertThat(stored.body()).as(what).isEqualTo(checked.body());
        String sentId = variant.get("X-Request-Id");
        if (sentId != null) {
          assertThat(stored.headers().firstValue("X-Request-Id")).as(what).hasValue(sentId);
        }
      }
    }
    assertThat(send("GET", onGrid, accept, Map.of(), etag).body()).isEqualTo(rendered);
  }

  @Test
  void requestsForStoredContentAreTimedAndRenditionHitsCounted() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI uri = rendition(asset, "w=320&format=webp");
    ok(fetch(server, uri, null), "image/webp");
    String timed =
        "assets_http_requests_seconds_count{method=\"GET\",route=\"/files/{deliveryKey}\","
            + "status=\"200\"}";
    double before = server.metric(timed);

    for (int i = 0; i < 5; i++) {
      ok(fetch(server, uri, null), "image/webp");
    }
    ok(fetch(server, URI.create(asset.get("url").asText()), null), "image/jpeg");

    assertThat(server.metric(timed)).isEqualTo(before + 6);
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"hit\"}")).isEqualTo(5);
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"rendered\"}")).isEqualTo(1);
  }

  @Test
  void aRequestTheApplicationAnswersInsteadCountsOneHit() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI uri = rendition(asset, "w=320&format=webp");
    ok(fetch(server, uri, null), "image/webp");
    ok(fetch(server, uri, null), "image/webp");
    String hits = "assets_rendition_requests_total{outcome=\"hit\"}";
    assertThat(server.metric(hits)).isEqualTo(1);

    HttpResponse<byte[]> outside = send("GET", uri, null, Map.of("Range", "bytes=99999999-"), "");

    assertThat(outside.statusCode()).isEqualTo(416);
    assertThat(server.metric(hits)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "w=4096&format=png&q=101 | q",
        "w=4096&format=png&q=0 | q",
        "w=4096&w=4096&format=png | w",
        "w=4096&format=png&format=png | format",
        "w=100001&format=png | w",
        "w=4096&format=png&t=-1 | t",
        "w=4096&format=png&t=soon | t",
        "w=4096&format=PNG | format"
      })
  void parametersAreCheckedEvenWhenWhatTheyAskForIsStored(String query, String field) {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI stored = rendition(asset, "w=4096&format=png");
    ok(fetch(server, stored, null), "image/png");
    ok(fetch(server, stored, null), "image/png");

    HttpResponse<byte[]> refused = fetch(server, rendition(asset, query), null);

    String body = new String(refused.body(), StandardCharsets.UTF_8);
    assertThat(refused.statusCode()).as(body).isEqualTo(400);
    JsonNode error = TestServer.json(body);
    assertThat(error.get("serviceCode").asText()).isEqualTo("REQUEST_FIELD_INVALID");
    assertThat(error.get("data").get("field").asText()).isEqualTo(field);
  }

  @Test
  void urlsFoundAgainAndAgainStopAtOnceWhenTheAssetIsDeleted() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI original = URI.create(asset.get("url").asText());
    URI thumbnail = URI.create(asset.get("thumbnailUrl").asText());
    URI rendition = rendition(asset, "w=320&format=webp");
    for (int i = 0; i < 3; i++) {
      for (URI uri : List.of(original, thumbnail, rendition)) {
        assertThat(server.fetch(uri).statusCode()).isEqualTo(200);
      }
    }

    assertThat(
            server
                .call("DELETE", "/v1/assets/" + asset.get("assetId").asText(), key, null)
                .statusCode())
        .isEqualTo(200);

    for (URI uri : List.of(original, thumbnail, rendition)) {
      assertThat(server.fetch(uri).statusCode()).as(uri.toString()).isEqualTo(404);
    }
  }

  private HttpResponse<byte[]> send(
      String method, URI uri, String accept, Map<String, String> headers, String etag) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      request.header("Accept", accept);
    }
    headers.forEach((name, value) -> request.header(name, value.replace("ETAG", etag)));
    return server.fetch(request.build());
  }

  /** The response's headers but its request id, which is each request's own. */
  private static Map<String, List<String>> headersBut(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
    headers.remove("x-request-id");
    return headers;
  }
}
