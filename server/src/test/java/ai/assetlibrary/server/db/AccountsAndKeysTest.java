package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.assetlibrary.server.AssetLibrary;
import ai.assetlibrary.server.ServerConfig;
import ai.assetlibrary.server.auth.ApiKeys;
import ai.assetlibrary.server.records.GroupRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, default groups and API keys on a real SQLite file. */
class AccountsAndKeysTest {

  @TempDir Path dataDir;

  private AssetLibrary library;

  @BeforeEach
  void open() throws IOException {
    library =
        AssetLibrary.open(
            ServerConfig.fromEnvironment(Map.of("ASSETS_DATA_DIR", dataDir.toString())));
  }

  @AfterEach
  void close() {
    library.close(); // and its background work, before the directory is removed
  }

  @Test
  void everyNewUserGetsExactlyOneDefaultLibraryGroup() {
    library.accounts().ensureUser(1001, 5001, "demo");
    library.accounts().ensureUser(1001, 5001, "demo");

    GroupRecord library = this.library.records().groups().findOwned(5001, "library").orElseThrow();
    assertThat(library.isDefault()).isTrue();
    assertThat(library.groupKind()).isEqualTo("GENERIC");
    assertThat(library.status()).isEqualTo("active");
    assertThat(library.tenantId()).isEqualTo(1001);
  }

  @Test
  void aUserIdCannotMoveToAnotherTenant() {
    library.accounts().ensureUser(1001, 5001, "demo");

    assertThatThrownBy(() -> library.accounts().ensureUser(2002, 5001, "demo"))
        .hasMessageContaining("tenant 1001");
  }

  @Test
  void keysAreStoredOnlyAsHashes() {
    String key = library.apiKeys().create(1001, 5001, "demo");

    String stored =
        Jdbi.create("jdbc:sqlite:" + dataDir.resolve("assets.db"))
            .withHandle(
                h ->
                    h.createQuery("SELECT key_hash || key_hint FROM api_keys")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).doesNotContain(key.substring(3));
    assertThat(stored).startsWith(ApiKeys.hash(key));
  }

  @Test
  void bootstrapCreatesAKeyOnlyWhenNoneExists() {
    Optional<String> first = library.apiKeys().bootstrap(Optional.empty());
    Optional<String> second = library.apiKeys().bootstrap(Optional.empty());

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(library.apiKeys().authenticate(first.get()))
        .hasValueSatisfying(c -> assertThat(c.userName()).isEqualTo("demo"));
  }

  @Test
  void bootstrapKeyFromTheEnvironmentIsRegisteredForTheDemoUser() {
    String key = "sk-" + "b".repeat(40);

    assertThat(library.apiKeys().bootstrap(Optional.of(key))).isEmpty();
    assertThat(library.apiKeys().bootstrap(Optional.of(key))).isEmpty();

    assertThat(library.apiKeys().authenticate(key))
        .hasValueSatisfying(
            c -> {
              assertThat(c.tenantId()).isEqualTo(1001);
              assertThat(c.userId()).isEqualTo(5001);
            });
  }
}
