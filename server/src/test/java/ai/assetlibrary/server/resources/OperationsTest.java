package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator endpoints: liveness, readiness, metrics and the contract itself, none behind a key.
 */
class OperationsTest extends ServerTest {

  /** Breaks the filesystem store's staging directory; a bucket's outage is in the fault tests. */
  @Test
  @Tag(Backends.EMBEDDED_ONLY)
  void readinessFollowsTheStorage() throws IOException {
    HttpResponse<String> ready = server.get("/readyz", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(ready).at("/data/status").asText()).isEqualTo("UP");

    Path incoming = server.library().staging().directory();
    Files.delete(incoming);
    Files.writeString(incoming, "not a directory");
    HttpResponse<String> notReady = server.get("/readyz", null);
    assertThat(notReady.statusCode()).isEqualTo(503);
    JsonNode body = TestServer.json(notReady);
    assertThat(body.get("serviceCode").asText()).isEqualTo("SERVICE_NOT_READY");
    assertThat(body.get("msg").asText()).contains("blob storage");

    Files.delete(incoming);
    Files.createDirectory(incoming);
    assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesARequestIdTheClientsOwnWhenItIsSane() {
    HttpResponse<String> given =
        server.send(
            HttpRequest.newBuilder(server.uri("/healthz"))
                .header("X-Request-Id", "trace-42.a")
                .build());
    HttpResponse<String> generated = server.get("/v1/assets/ua_0", key);
    HttpResponse<String> replaced =
        server.send(
            HttpRequest.newBuilder(server.uri("/healthz"))
                .header("X-Request-Id", "x".repeat(200))
                .build());

    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-42.a");
    assertThat(generated.statusCode()).isEqualTo(404);
    assertThat(generated.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    assertThat(replaced.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
  }

  @Test
  void theContractIsServedAsBuiltInYamlAndJson() throws IOException {
    byte[] spec = Files.readAllBytes(Path.of("..", "api", "openapi.yaml"));

    HttpResponse<String> yaml = server.get("/openapi.yaml", null);
    HttpResponse<String> json = server.get("/openapi.json", null);

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(yaml.body()).isEqualTo(new String(spec, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(json)).isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(spec));
  }

  @Test
  void everyResponseNamesTheContractVersionItAnswersUnder() throws IOException {
    String version =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "api", "openapi.yaml").toFile())
            .at("/info/version")
            .asText();

    HttpResponse<String> health = server.get("/healthz", null);
    HttpResponse<String> served = server.get("/openapi.json", null);
    HttpResponse<String> refused = server.get("/v1/assets", null);
    HttpResponse<String> unknown = server.get("/no/such/route", key);

    assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(TestServer.json(health).at("/data/version").asText()).isEqualTo(version);
    assertThat(TestServer.json(served).at("/info/version").asText()).isEqualTo(version);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(health, served, refused, unknown)) {
      assertThat(response.headers().firstValue("X-API-Version")).hasValue(version);
    }
  }

  @Test
  void metricsCountRequestsByRouteAndUploadsWithTheirMediaWork() {
    JsonNode asset = server.uploadPng(key, "library", "m.png");
    server.get("/v1/assets/ua_00000000000000000000000000000000", key);
    server.get("/no/such/route/" + asset.get("assetId").asText(), null);

    HttpResponse<String> metrics = server.get("/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain")
        .contains("version=0.0.4");
    assertThat(metrics.body())
        .doesNotContain(asset.get("assetId").asText())
        .doesNotContain(key)
        .doesNotContain("user")
        .doesNotContain("\"demo\"");
    assertThat(
            server.metric(
                "assets_http_requests_seconds_count{method=\"POST\",route=\"/v1/assets\",status=\"200\"}"))
        .isEqualTo(1);
    assertThat(
            server.metric(
                "assets_http_requests_seconds_count{method=\"GET\",route=\"/v1/assets/{assetId}\",status=\"404\"}"))
        .isEqualTo(1);
    assertThat(
            server.metric(
                "assets_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"))
        .isEqualTo(1);
    assertThat(server.metric("assets_upload_duration_seconds_count{outcome=\"stored\"}"))
        .isEqualTo(1);
    assertThat(server.metric("assets_upload_size_bytes_sum{mediaType=\"image\"}"))
        .isEqualTo(asset.get("sizeBytes").asDouble());
    assertThat(server.metric("assets_media_probe_seconds_count{mediaType=\"image\"}")).isEqualTo(1);
    assertThat(server.metric("assets_thumbnail_render_seconds_count{format=\"png\"}")).isEqualTo(1);
    if (!Backends.s3()) {
      assertThat(server.metric("assets_storage_free_bytes")).isPositive();
      assertThat(server.metric("assets_storage_total_bytes"))
          .isGreaterThanOrEqualTo(server.metric("assets_storage_free_bytes"));
    }
  }

  @Test
  void refusedUploadsAreCountedApart() {
    server.upload(key, Multipart.form().file("file", "a.txt", "text/plain", new byte[] {'h', 'i'}));

    assertThat(server.metric("assets_upload_duration_seconds_count{outcome=\"refused\"}"))
        .isEqualTo(1);
    assertThat(server.metric("assets_upload_duration_seconds_count{outcome=\"stored\"}")).isZero();
  }
}
