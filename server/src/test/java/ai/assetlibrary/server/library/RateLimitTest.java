package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each API key may send a burst of requests, then a sustained number per minute; past that it is
 * answered 429 with {@code Retry-After}, and other keys and the unauthenticated endpoints are not
 * affected.
 */
class RateLimitTest extends ServerTest {

  RateLimitTest() {
    super(
        new RunningServer(
            Map.of("ASSETS_RATE_LIMIT_PER_MINUTE", "2", "ASSETS_RATE_LIMIT_BURST", "3")));
  }

  @Test
  void aKeyPastItsBurstWaitsForTheSustainedRate() {
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/v1/assets", key).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = server.get("/v1/assets", key);

    JsonNode body = assertError(limited, 429, "RATE_LIMITED");
    assertThat(body.at("/data/retryAfterSeconds").asInt()).isEqualTo(30);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");

    app.clock().advance(Duration.ofSeconds(30));
    assertThat(server.get("/v1/assets", key).statusCode()).isEqualTo(200);
    assertError(server.get("/v1/assets", key), 429, "RATE_LIMITED");
  }

  @Test
  void otherKeysAndUnauthenticatedEndpointsAreNotAffected() {
    String sameUserOtherKey = server.createKey(1001, 5001, "demo");
    for (int i = 0; i < 4; i++) {
      server.get("/v1/assets", key);
    }

    assertThat(server.get("/v1/assets", sameUserOtherKey).statusCode()).isEqualTo(200);
    assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
    assertError(server.get("/v1/assets", "sk-" + "x".repeat(43)), 401, "AUTH_API_KEY_INVALID");
  }
}
