package ai.assetlibrary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.domain.Caller;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands: {@code keys} and {@code groups} against the server's data directory, {@code
 * self-check}.
 */
class AssetServerMainTest {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void keysCreatePrintsAKeyThatAuthenticatesAndKeysDisableRevokesIt() throws Exception {
    int created = run("keys", "create", "--tenant", "77", "--user", "901", "--user-name", "alice");

    assertThat(created).as(text(err)).isZero();
    String key = text(out).strip();
    assertThat(key).matches("sk-[A-Za-z0-9_-]{43}");
    try (AssetLibrary library = AssetLibrary.open(config())) {
      assertThat(library.apiKeys().authenticate(key))
          .hasValueSatisfying(
              caller -> {
                assertThat(caller.tenantId()).isEqualTo(77);
                assertThat(caller.userId()).isEqualTo(901);
                assertThat(caller.userName()).isEqualTo("alice");
              });

      assertThat(run("keys", "disable", "--key", key)).isZero();
      assertThat(library.apiKeys().authenticate(key)).isEmpty();
      assertThat(run("keys", "disable", "--key", key)).as("already disabled").isEqualTo(1);
    }
  }

  @Test
  void selfCheckStartsAServerProbesItAndLeavesNothingBehind() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long scratchBefore = scratchDirectories(tmp);

    int status = run("self-check");

    assertThat(status).as(text(err)).isZero();
    assertThat(text(out)).contains("Self-check passed").contains("/healthz").contains("/docs");
    assertThat(scratchDirectories(tmp)).isEqualTo(scratchBefore);
  }

  private static long scratchDirectories(Path tmp) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(tmp)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("asset-server-self-check"))
          .count();
    }
  }

  @Test
  void groupsImportLegacyRecordsAProviderGroupForTheUser() throws Exception {
    int imported =
        run(
            "groups",
            "import-legacy",
            "--id",
            "8137",
            "--tenant",
            "1001",
            "--user",
            "5001",
            "--provider-group",
            "group-20240101",
            "--name",
            "Legacy faces");

    assertThat(imported).as(text(err)).isZero();
    assertThat(text(out)).contains("legacy_rf_8137");
    try (AssetLibrary library = AssetLibrary.open(config())) {
      var group =
          library.groups().get(new Caller(1001, 5001, "user-5001"), "legacy_rf_8137").group();
      assertThat(group.legacyId()).isEqualTo(8137);
      assertThat(group.providerGroupId()).isEqualTo("group-20240101");
      assertThat(group.groupKind()).isEqualTo("REAL_FACE");
      assertThat(group.status()).isEqualTo("active");
    }
    assertThat(
            run(
                "groups",
                "import-legacy",
                "--id",
                "8137",
                "--tenant",
                "1001",
                "--user",
                "5001",
                "--provider-group",
                "g",
                "--name",
                "again"))
        .as("the same legacy id twice")
        .isEqualTo(2);
  }

  @Test
  void missingOptionsAreAUsageError() throws Exception {
    assertThat(run("keys", "create", "--tenant", "1")).isEqualTo(2);
    assertThat(text(err)).contains("--user");
    assertThat(run("keys", "create", "--tenant")).isEqualTo(2);
    assertThat(text(err)).contains("Usage");
  }

  private int run(String... args) throws Exception {
    out.reset();
    err.reset();
    return AssetServerMain.run(
        List.of(args),
        Map.of("ASSETS_DATA_DIR", dataDir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private ServerConfig config() {
    return ServerConfig.fromEnvironment(Map.of("ASSETS_DATA_DIR", dataDir.toString()));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
