package ai.assetlibrary.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Tells every client which contract answers: {@code X-API-Version}, the {@code info.version} of the
 * {@code api/openapi.yaml} the server was built from.
 */
public final class ApiVersionHeader implements ContainerResponseFilter {

  public static final String HEADER = "X-API-Version";

  private final String version;

  public ApiVersionHeader(String version) {
    this.version = version;
  }

  /** The contract version the build wrote into the jar. */
  public static String builtVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        ApiVersionHeader.class.getResourceAsStream(
            "/ai/assetlibrary/server/api/contract.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HEADER, version);
  }
}
