package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.AssetGroupsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups with a retention period: assets expire, vanish at once, and the sweep removes them. */
class RetentionTest extends ServerTest {

  @Test
  void assetsExpireAfterTheGroupsRetentionAndTheSweepRemovesThem() {
    String group =
        ok(server.call(
                "POST",
                "/v1/asset-groups",
                key,
                Map.of("name", "Temp", "groupKind", "GENERIC", "retentionDays", 1)))
            .get("groupId")
            .asText();
    JsonNode asset = server.uploadPng(key, group, "a.png");
    JsonNode kept = server.uploadPng(key, "library", "kept.png");
    String id = asset.get("assetId").asText();
    assertThat(Instant.parse(asset.get("expiresAt").asText()))
        .isEqualTo(Instant.parse(asset.get("createdAt").asText()).plus(Duration.ofDays(1)));
    assertThat(kept.has("expiresAt")).isFalse();

    URI url = URI.create(asset.get("url").asText());
    assertThat(server.fetch(url).statusCode()).isEqualTo(200);
    assertThat(server.fetch(url).statusCode()).isEqualTo(200);

    app.clock().advance(Duration.ofDays(1).plusSeconds(1));

    assertThat(server.fetch(url).statusCode()).isEqualTo(404);
    Errors.assertError(server.get("/v1/assets/" + id, key), 404, "ASSET_NOT_FOUND");
    assertThat(ok(server.get("/v1/assets", key)).get("total").asLong()).isEqualTo(1);
    assertThat(server.storedBlobs()).hasSize(4);

    assertThat(server.library().sweeper().sweep()).isEqualTo(1);

    assertThat(server.storedBlobs()).hasSize(2);
    assertThat(server.assetRows()).isEqualTo(1);
    assertThat(
            ok(server.get("/v1/assets/" + kept.get("assetId").asText(), key)).get("name").asText())
        .isEqualTo("kept.png");
  }

  @Test
  void theSweepRunsOnItsOwnSchedule() throws InterruptedException {
    server = app.restart(Map.of("ASSETS_SWEEP_INTERVAL_SECONDS", "1"));

    assertThat(server.library().sweeper().sweeps().await(2, Duration.ofSeconds(30))).isTrue();
  }
}
