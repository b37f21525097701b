package ai.assetlibrary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.publicBaseUrl()).isEmpty();
    assertThat(config.maxUploadBytes()).isEqualTo(104_857_600L);
    assertThat(config.bootstrapApiKey()).isEmpty();
  }

  @Test
  void everyVariableIsRead() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "ASSETS_PORT", "9000",
                "ASSETS_BIND", "0.0.0.0",
                "ASSETS_DATA_DIR", "/srv/assets",
                "ASSETS_PUBLIC_BASE_URL", "https://cdn.example.com/",
                "ASSETS_MAX_UPLOAD_BYTES", "2048",
                "ASSETS_BOOTSTRAP_API_KEY", "sk-abc"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/assets"));
    assertThat(config.publicBaseUrl()).hasValue(URI.create("https://cdn.example.com"));
    assertThat(config.maxUploadBytes()).isEqualTo(2048);
    assertThat(config.bootstrapApiKey()).hasValue("sk-abc");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("ASSETS_PORT", "http")))
        .hasMessageContaining("ASSETS_PORT");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("ASSETS_PORT", "70000")))
        .hasMessageContaining("ASSETS_PORT");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("ASSETS_MAX_UPLOAD_BYTES", "0")))
        .hasMessageContaining("ASSETS_MAX_UPLOAD_BYTES");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(Map.of("ASSETS_PUBLIC_BASE_URL", "ftp://x")))
        .hasMessageContaining("ASSETS_PUBLIC_BASE_URL");
  }

  @Test
  void theSharedBackendIsReadFromItsVariables() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "ASSETS_DATABASE_URL", "jdbc:postgresql://db:5432/assets",
                "ASSETS_DATABASE_USER", "assets",
                "ASSETS_DATABASE_PASSWORD", "secret",
                "ASSETS_DATABASE_POOL_SIZE", "32",
                "ASSETS_STORAGE", "s3",
                "ASSETS_S3_BUCKET", "my-assets",
                "ASSETS_S3_PREFIX", "prod/library",
                "ASSETS_S3_ENDPOINT", "http://minio:9000",
                "ASSETS_S3_PATH_STYLE", "true",
                "ASSETS_STARTUP_WAIT_SECONDS", "5"));

    assertThat(config.database().url()).hasValue("jdbc:postgresql://db:5432/assets");
    assertThat(config.database().user()).hasValue("assets");
    assertThat(config.database().password()).hasValue("secret");
    assertThat(config.database().poolSize()).isEqualTo(32);
    StorageConfig.S3 s3 = config.storage().s3().orElseThrow();
    assertThat(s3.bucket()).isEqualTo("my-assets");
    assertThat(s3.prefix()).isEqualTo("prod/library/");
    assertThat(s3.endpoint()).hasValue(URI.create("http://minio:9000"));
    assertThat(s3.region()).isEqualTo("us-east-1");
    assertThat(s3.accessKey()).isEmpty();
    assertThat(s3.pathStyle()).isTrue();
    assertThat(config.startupWait()).hasSeconds(5);
  }

  @Test
  void badSharedBackendValuesNameTheVariable() {
    assertRefused(Map.of("ASSETS_DATABASE_URL", "jdbc:mysql://db/assets"), "ASSETS_DATABASE_URL");
    assertRefused(Map.of("ASSETS_DATABASE_USER", "assets"), "ASSETS_DATABASE_URL");
    assertRefused(
        Map.of("ASSETS_DATABASE_URL", "jdbc:postgresql://db/a", "ASSETS_DATABASE_POOL_SIZE", "0"),
        "ASSETS_DATABASE_POOL_SIZE");
    assertRefused(Map.of("ASSETS_STORAGE", "nfs"), "ASSETS_STORAGE");
    assertRefused(Map.of("ASSETS_STORAGE", "s3"), "ASSETS_S3_BUCKET");
    assertRefused(Map.of("ASSETS_STORAGE", "s3", "ASSETS_S3_BUCKET", "A_B"), "ASSETS_S3_BUCKET");
    assertRefused(
        Map.of("ASSETS_STORAGE", "s3", "ASSETS_S3_BUCKET", "ok-b", "ASSETS_S3_PREFIX", "/abs"),
        "ASSETS_S3_PREFIX");
    assertRefused(
        Map.of("ASSETS_STORAGE", "s3", "ASSETS_S3_BUCKET", "ok-b", "ASSETS_S3_ACCESS_KEY", "k"),
        "ASSETS_S3_SECRET_KEY");
    assertRefused(
        Map.of("ASSETS_STORAGE", "s3", "ASSETS_S3_BUCKET", "ok-b", "ASSETS_S3_PATH_STYLE", "yes"),
        "ASSETS_S3_PATH_STYLE");
    assertRefused(
        Map.of("ASSETS_STORAGE", "s3", "ASSETS_S3_BUCKET", "ok-b", "ASSETS_S3_ENDPOINT", "minio"),
        "ASSETS_S3_ENDPOINT");
  }

  private static void assertRefused(Map<String, String> env, String variable) {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }
}
