package ai.assetlibrary.server.renditions;

import static ai.assetlibrary.server.renditions.Renditions.fetch;
import static ai.assetlibrary.server.renditions.Renditions.ok;
import static ai.assetlibrary.server.renditions.Renditions.rendition;
import static ai.assetlibrary.server.renditions.Renditions.upload;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renditions refused, bounded, rendered once and removed with what they were made from. */
class RenditionRefusalTest extends ServerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "w=0 | w",
        "w=-5 | w",
        "w=abc | w",
        "w=99999999999 | w",
        "h=100001 | h",
        "w=10&w=20 | w",
        "fit=round | fit",
        "format=gif | format",
        "q=0 | q",
        "q=101 | q",
        "q=high | q",
        "t=-1 | t",
        "t=NaN | t",
        "t=Infinity | t",
        "preset=Card | preset",
        "preset=card&w=10 | w"
      })
  void hostileParametersAre400NamingTheParameter(String query, String field) {
    JsonNode asset = upload(server, key, "clip.mp4", TestMedia.fixture("plain.mp4"));

    HttpResponse<byte[]> response = fetch(server, rendition(asset, query), null);

    JsonNode body = error(response, 400);
    assertThat(body.get("serviceCode").asText()).isEqualTo("REQUEST_FIELD_INVALID");
    assertThat(body.get("data").get("field").asText()).isEqualTo(field);
  }

  @Test
  void anUnknownPresetIsItsOwn400() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

    JsonNode body = error(fetch(server, rendition(asset, "preset=banner"), null), 400);

    assertThat(body.get("serviceCode").asText()).isEqualTo("RENDITION_PRESET_UNKNOWN");
    assertThat(body.get("data").get("field").asText()).isEqualTo("preset");
  }

  @Test
  void audioAndThumbnailsHaveNoRenditions() {
    JsonNode audio = upload(server, key, "tone.wav", TestMedia.wav(0.5));
    JsonNode photo = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    URI thumbnail = URI.create(photo.get("thumbnailUrl").asText() + "?w=100");

    JsonNode onAudio = error(fetch(server, rendition(audio, "w=100"), null), 422);
    JsonNode onThumbnail = error(fetch(server, thumbnail, null), 422);

    assertThat(onAudio.get("serviceCode").asText()).isEqualTo("RENDITION_UNSUPPORTED");
    assertThat(onThumbnail.get("serviceCode").asText()).isEqualTo("RENDITION_UNSUPPORTED");
    assertThat(fetch(server, URI.create(audio.get("url").asText()), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aHundredSimultaneousFirstRequestsRenderOnce() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(1200, 800));
    URI uri = rendition(asset, "w=640&format=webp");
    int blobsBefore = server.storedBlobs().size();

    List<HttpResponse<byte[]>> responses =
        IntStream.range(0, 100)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> fetch(server, uri, null)))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    Set<String> tags =
        responses.stream()
            .map(r -> r.headers().firstValue("ETag").orElseThrow())
            .collect(Collectors.toSet());
    assertThat(tags).hasSize(1);
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"rendered\"}")).isEqualTo(1);
    assertThat(server.metric("assets_rendition_render_seconds_count{format=\"webp\"}"))
        .isEqualTo(1);
    assertThat(server.storedBlobs()).hasSize(blobsBefore + 1);
  }

  @Test
  void deletingTheAssetRemovesItsRenditions() {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    List<String> before = server.storedBlobs();
    URI uri = rendition(asset, "w=100");
    ok(fetch(server, uri, null), "image/jpeg");
    ok(fetch(server, uri, null), "image/jpeg");
    ok(fetch(server, rendition(asset, "w=200&format=png"), null), "image/png");
    assertThat(server.storedBlobs()).hasSize(before.size() + 2);

    assertThat(
            server
                .call("DELETE", "/v1/assets/" + asset.get("assetId").asText(), key, null)
                .statusCode())
        .isEqualTo(200);

    assertThat(fetch(server, uri, null).statusCode()).isEqualTo(404);
    assertThat(server.storedBlobs()).isEmpty();
  }

  @Test
  void aRevokedShareRetiresTheRenditionUrlsItsGranteeHeld() {
    server.createKey(1001, 5002, "alice");
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    String id = asset.get("assetId").asText();
    URI held = rendition(asset, "w=100");
    URI heldOriginal = URI.create(asset.get("url").asText());
    for (int i = 0; i < 2; i++) {
      ok(fetch(server, held, null), "image/jpeg");
      ok(fetch(server, heldOriginal, null), "image/jpeg");
    }
    assertThat(
            server
                .call(
                    "POST",
                    "/v1/assets/" + id + "/shares",
                    key,
                    new HashMap<>(Map.of("userId", 5002, "permission", "READ")))
                .statusCode())
        .isEqualTo(200);

    assertThat(server.call("DELETE", "/v1/assets/" + id + "/shares/5002", key, null).statusCode())
        .isEqualTo(200);

    assertThat(fetch(server, held, null).statusCode()).isEqualTo(404);
    assertThat(fetch(server, heldOriginal, null).statusCode()).isEqualTo(404);
    JsonNode renewed = TestServer.json(server.get("/v1/assets/" + id, key)).get("data");
    ok(fetch(server, rendition(renewed, "w=100"), null), "image/jpeg");
  }

  @Test
  void aRenditionWhoseBlobWasLostIsRenderedAgain() throws Exception {
    JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));
    List<String> before = server.storedBlobs();
    URI uri = rendition(asset, "w=200&format=png");
    byte[] first = ok(fetch(server, uri, null), "image/png");
    String renditionKey =
        server.storedBlobs().stream().filter(k -> !before.contains(k)).findFirst().orElseThrow();

    server.library().blobs().delete(renditionKey);
    byte[] again = ok(fetch(server, uri, null), "image/png");

    assertThat(again).isEqualTo(first);
    assertThat(server.storedBlobs()).hasSize(before.size() + 1).doesNotContain(renditionKey);
    assertThat(server.metric("assets_rendition_requests_total{outcome=\"rendered\"}")).isEqualTo(2);
  }

  private static JsonNode error(HttpResponse<byte[]> response, int status) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    JsonNode json = TestServer.json(body);
    assertThat(json.get("code").asInt()).isEqualTo(status);
    return json;
  }

  /** A server with presets, where nothing else may be asked for, and a low pixel cap. */
  @Nested
  class PresetsOnly extends ServerTest {

    PresetsOnly() {
      super(
          new RunningServer(
              Map.of(
                  "ASSETS_RENDITION_PRESETS", "card=w400,h300,fit=cover;hero=w1600,format=webp",
                  "ASSETS_RENDITION_ARBITRARY", "false")));
    }

    @Test
    void presetsRenderAndOtherParametersAreRefused() {
      JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

      var card =
          Renditions.decoded(
              ok(fetch(server, rendition(asset, "preset=card"), null), "image/jpeg"));
      byte[] hero = ok(fetch(server, rendition(asset, "preset=hero"), null), "image/webp");
      JsonNode refused = error(fetch(server, rendition(asset, "w=100"), null), 400);

      assertThat(card.getWidth()).isEqualTo(400);
      assertThat(card.getHeight()).isEqualTo(300);
      assertThat(Renditions.header(hero, "webpload").width()).as("never enlarged").isEqualTo(600);
      assertThat(refused.get("serviceCode").asText()).isEqualTo("RENDITION_PARAMETERS_NOT_ALLOWED");
      assertThat(refused.get("data").get("field").asText()).isEqualTo("w");
    }
  }

  /** A server whose renditions may have at most 10,000 pixels. */
  @Nested
  class PixelCap extends ServerTest {

    PixelCap() {
      super(new RunningServer(Map.of("ASSETS_RENDITION_MAX_PIXELS", "10000")));
    }

    @Test
    void renditionsAreCappedByPixelsWithTheirShapeKept() {
      JsonNode asset = upload(server, key, "photo.jpg", TestMedia.jpeg(600, 400));

      var inside =
          Renditions.decoded(ok(fetch(server, rendition(asset, "w=600"), null), "image/jpeg"));
      var cover =
          Renditions.decoded(
              ok(fetch(server, rendition(asset, "w=400&h=400&fit=cover"), null), "image/jpeg"));

      assertThat(inside.getWidth() * inside.getHeight()).isLessThanOrEqualTo(10_000);
      assertThat(inside.getWidth() * 2)
          .isBetween(inside.getHeight() * 3 - 3, inside.getHeight() * 3 + 3);
      assertThat(cover.getWidth()).isEqualTo(cover.getHeight());
      assertThat(cover.getWidth() * cover.getHeight()).isLessThanOrEqualTo(10_000);
    }
  }
}
