package ai.assetlibrary.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every operation of {@code api/openapi.yaml} has at least one interaction in {@code pacts/}. */
class PactCoverageTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyOperationOfTheContractHasAnInteraction() throws IOException {
    List<String> requests = pactRequests();

    List<String> uncovered = new ArrayList<>();
    JsonNode spec =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "api", "openapi.yaml").toFile());
    for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey();
        if (METHODS.contains(method)) {
          Pattern request =
              Pattern.compile(
                  method.toUpperCase(Locale.ROOT)
                      + " "
                      + Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
          if (requests.stream().noneMatch(r -> request.matcher(r).matches())) {
            uncovered.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
          }
        }
      }
    }

    assertThat(requests).isNotEmpty();
    assertThat(uncovered).as("operations without an interaction").isEmpty();
  }

  /** "METHOD /path" of every interaction in every pact file. */
  private static List<String> pactRequests() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> requests = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("pacts"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        for (JsonNode interaction : json.readTree(file.toFile()).get("interactions")) {
          JsonNode request = interaction.get("request");
          requests.add(request.get("method").asText() + " " + request.get("path").asText());
        }
      }
    }
    return requests;
  }
}
