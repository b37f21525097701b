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
}
