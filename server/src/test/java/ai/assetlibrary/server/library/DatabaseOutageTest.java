package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while the server runs: requests answer 503 DATABASE_UNAVAILABLE, readiness
 * says so, and once PostgreSQL is back the server answers again without a restart, with every
 * record intact.
 */
class DatabaseOutageTest extends ServerTest {

  @BeforeEach
  void onlyOnPostgresql() {
    assumeTrue(Backends.postgresql(), "the records live in PostgreSQL");
  }

  @Test
  void requestsAnswer503WhileTheDatabaseIsDownAndRecoverWhenItIsBack() {
    JsonNode before = server.uploadPng(key, "library", "before.png");

    Backends.stopPostgres();
    try {
      Errors.assertError(server.get("/v1/assets", key), 503, "DATABASE_UNAVAILABLE");
      assertThat(server.get("/readyz", null).statusCode()).isEqualTo(503);
    } finally {
      Backends.startPostgres();
    }

    assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(server.get("/v1/assets/" + before.get("assetId").asText(), key).statusCode())
        .isEqualTo(200);
    assertThat(server.fetch(URI.create(before.get("url").asText())).statusCode()).isEqualTo(200);
    server.uploadPng(key, "library", "after.png");
    assertThat(server.assetRows()).isEqualTo(2);
  }
}
