package ai.assetlibrary.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** The contract check the HTTP tests rely on tells allowed requests from forbidden ones. */
class HttpContractTest {

  private static final URI GROUPS = URI.create("http://127.0.0.1:1/v1/asset-groups");

  @Test
  void aRequestTheContractAllowsPasses() {
    HttpRequest request =
        HttpRequest.newBuilder(GROUPS)
            .header("Authorization", "Bearer al_test")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"Shots\",\"groupKind\":\"GENERIC\"}"))
            .build();

    assertThat(HttpContract.validateRequest(request).getMessages()).isEmpty();
  }

  @Test
  void aBodyMissingARequiredFieldIsForbidden() {
    HttpRequest request =
        HttpRequest.newBuilder(GROUPS)
            .header("Authorization", "Bearer al_test")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"groupKind\":\"GENERIC\"}"))
            .build();

    assertThat(HttpContract.validateRequest(request).hasErrors()).isTrue();
  }

  @Test
  void aQueryParameterOutsideItsSchemaIsForbidden() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(GROUPS + "?size=not-a-number"))
            .header("Authorization", "Bearer al_test")
            .GET()
            .build();

    assertThat(HttpContract.validateRequest(request).hasErrors()).isTrue();
  }
}
