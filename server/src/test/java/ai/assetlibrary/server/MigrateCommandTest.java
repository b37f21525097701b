package ai.assetlibrary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --from DIR} moves an embedded data directory into PostgreSQL and a bucket: the
 * same keys work, the same ids and delivery URLs answer with the same bytes, shares hold, and
 * running it again adds nothing.
 */
@Tag(Backends.EMBEDDED_ONLY)
class MigrateCommandTest {

  @TempDir Path embedded;
  @TempDir Path sharedDataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anEmbeddedLibraryMovesIntoTheSharedBackendUnchanged() throws Exception {
    String ownerKey;
    String otherKey;
    JsonNode photo;
    JsonNode clip;
    String group;
    try (TestServer before = TestServer.start(embedded)) {
      ownerKey = before.createKey(1001, 5001, "demo");
      otherKey = before.createKey(1001, 5002, "alice");
      group =
          TestServer.json(
                  before.call(
                      "POST",
                      "/v1/asset-groups",
                      ownerKey,
                      Map.of("name", "Campaign", "groupKind", "GENERIC")))
              .at("/data/groupId")
              .asText();
      photo = before.uploadPng(ownerKey, group, "photo.png");
      clip =
          TestServer.json(
                  before.upload(
                      ownerKey,
                      Multipart.form().file("file", "tone.wav", "audio/wav", TestMedia.wav(0.2))))
              .get("data");
      before.call(
          "POST",
          "/v1/asset-groups/" + group + "/shares",
          ownerKey,
          Map.of("userId", 5002, "permission", "READ"));
    }
    Map<String, String> shared = new HashMap<>(Backends.newSharedBackend());

    assertThat(migrate(shared)).as(text(err)).isZero();
    assertThat(text(out)).contains("Blobs: 3 of 3 in place and checked (3 copied now)");
    assertThat(migrate(shared)).as("a second run").isZero();
    assertThat(text(out))
        .contains("Blobs: 3 of 3 in place and checked (0 copied now)")
        .contains("Records, assets: 2 records, 0 of them new");

    try (TestServer after = TestServer.start(sharedDataDir, shared)) {
      JsonNode read =
          TestServer.json(after.get("/v1/assets/" + photo.get("assetId").asText(), ownerKey))
              .get("data");
      assertThat(read.get("id").asLong()).isEqualTo(photo.get("id").asLong());
      assertThat(path(read.get("url"))).isEqualTo(path(photo.get("url")));
      assertThat(path(read.get("thumbnailUrl"))).isEqualTo(path(photo.get("thumbnailUrl")));
      assertThat(after.fetch(after.uri(path(clip.get("url")))).body())
          .isEqualTo(TestMedia.wav(0.2));
      assertThat(
              TestServer.json(after.get("/v1/assets/" + photo.get("assetId").asText(), otherKey))
                  .at("/data/shared")
                  .asBoolean())
          .isTrue();
      JsonNode next = after.uploadPng(ownerKey, "library", "next.png");
      assertThat(next.get("id").asLong()).isGreaterThan(clip.get("id").asLong());
      assertThat(after.assetRows()).isEqualTo(3);
    }
  }

  @Test
  void withoutASharedBackendConfiguredNothingStarts() throws Exception {
    try (TestServer before = TestServer.start(embedded)) {
      before.createKey(1001, 5001, "demo");
    }

    assertThat(migrate(Map.of())).isEqualTo(2);
    assertThat(text(err)).contains("ASSETS_DATABASE_URL");
  }

  private int migrate(Map<String, String> environment) throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("ASSETS_DATA_DIR", sharedDataDir.toString());
    out.reset();
    err.reset();
    return AssetServerMain.run(
        List.of("migrate", "--from", embedded.toString()),
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String path(JsonNode url) {
    return URI.create(url.asText()).getPath();
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
