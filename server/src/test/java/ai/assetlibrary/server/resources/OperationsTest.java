package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** The operator endpoints: liveness, readiness and the contract itself, none behind a key. */
class OperationsTest extends ServerTest {

  @Test
  void readinessFollowsTheStorage() throws IOException {
    HttpResponse<String> ready = server.get("/readyz", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(ready).at("/data/status").asText()).isEqualTo("UP");

    Path incoming = server.library().blobs().incomingDirectory();
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
}
