package ai.assetlibrary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar logs as the README says, with no configuration file: one JSON object per line on
 * standard output, and one line per request, logger {@code requests}, carrying the request's
 * context.
 */
class PackagedLogIT {

  private static final String KEY = "sk-packaged-log-" + "k".repeat(32);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void everyLineIsOneJsonObjectAndEachRequestLogsItsContext() throws Exception {
    try (ChildServer server = ChildServer.start(dataDir, KEY)) {
      HttpResponse<String> listed =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.uri("/v1/asset-groups"))
                      .header("Authorization", "Bearer " + KEY)
                      .header("X-Request-Id", "packaged-log-check")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(listed.statusCode()).isEqualTo(200);

      List<JsonNode> lines = new ArrayList<>();
      JsonNode requestLine = null;
      while (requestLine == null) {
        JsonNode line = JSON.readTree(server.nextLine());
        lines.add(line);
        if ("packaged-log-check".equals(line.path("mdc").path("requestId").asText())) {
          requestLine = line;
        }
      }

      assertThat(lines.getFirst().path("formattedMessage").asText()).startsWith("Serving on ");
      assertThat(lines).allSatisfy(line -> assertThat(line.isObject()).isTrue());
      assertThat(requestLine.path("loggerName").asText()).isEqualTo("requests");
      assertThat(requestLine.path("level").asText()).isEqualTo("INFO");
      assertThat(requestLine.path("formattedMessage").asText())
          .isEqualTo("GET /v1/asset-groups 200");
      JsonNode context = requestLine.path("mdc");
      assertThat(context.path("method").asText()).isEqualTo("GET");
      assertThat(context.path("route").asText()).isEqualTo("/v1/asset-groups");
      assertThat(context.path("status").asText()).isEqualTo("200");
      assertThat(context.path("durationMs").asText()).isNotEmpty();
      assertThat(context.has("userId")).isTrue();
    }
  }
}
