package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions on the error envelope. */
final class Errors {

  private Errors() {}

  static JsonNode assertError(HttpResponse<String> response, int status, String serviceCode) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("serviceCode").asText()).isEqualTo(serviceCode);
    assertThat(body.has("data")).isTrue();
    return body;
  }

  static void assertField(HttpResponse<String> response, String field) {
    JsonNode body = assertError(response, 400, "REQUEST_FIELD_INVALID");
    assertThat(body.at("/data/field").asText()).isEqualTo(field);
  }
}
