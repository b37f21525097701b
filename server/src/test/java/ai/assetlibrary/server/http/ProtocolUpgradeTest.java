package ai.assetlibrary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask to upgrade to HTTP/2 over cleartext (Java's {@code HttpClient} does on every
 * request by default, and so do the clients generated for it) are answered over HTTP/1.1, their
 * bodies read as usual.
 */
class ProtocolUpgradeTest extends ServerTest {

  @Test
  void jsonBodiesOfRequestsAskingForH2cAreReadAndAnswered()
      throws IOException, InterruptedException {
    HttpClient defaults = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    for (String name : new String[] {"First", "Second"}) {
      HttpResponse<String> response =
          defaults.send(
              HttpRequest.newBuilder(server.uri("/v1/asset-groups"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"" + name + "\",\"groupKind\":\"GENERIC\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(TestServer.json(response).at("/data/name").asText()).isEqualTo(name);
    }
  }
}
