package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.ReferenceApi;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The contract, served: {@code /openapi.yaml}, {@code /openapi.json}, and the interactive reference
 * at {@code /docs}, rendered by the Swagger UI bundled in the jar (no CDN).
 */
public final class ReferenceResource implements ReferenceApi {

  private static final String SPEC = "/ai/assetlibrary/server/api/openapi.yaml";
  private static final String PAGE = "/ai/assetlibrary/server/docs/";
  private static final String SWAGGER_UI_POM =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'";

  /** The page's own files and the Swagger UI files it loads, by the name under {@code /docs/}. */
  private record DocsAsset(String resource, String contentType) {}

  private final byte[] specYaml;
  private volatile String specJson;
  private final Map<String, DocsAsset> assets;

  public ReferenceResource() {
    this.specYaml = read(SPEC);
    String swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    this.assets =
        Map.of(
            "docs.js", new DocsAsset(PAGE + "docs.js", "text/javascript; charset=utf-8"),
            "swagger-ui-bundle.js",
                new DocsAsset(swaggerUi + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "swagger-ui.css",
                new DocsAsset(swaggerUi + "swagger-ui.css", "text/css; charset=utf-8"),
            "favicon-32x32.png", new DocsAsset(swaggerUi + "favicon-32x32.png", "image/png"));
  }

  @Override
  public Response getOpenApiYaml() {
    return Response.ok(specYaml, "application/yaml").build();
  }

  @Override
  public Response getOpenApiJson() {
    return Response.ok(specJson(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Converted on the first request, not at start-up: parsing the YAML costs more CPU than the rest
   * of building the application. Two first requests at once may both convert; either result serves.
   */
  private String specJson() {
    String converted = specJson;
    if (converted == null) {
      converted = json(specYaml);
      specJson = converted;
    }
    return converted;
  }

  @Override
  public Response getDocs() {
    return Response.ok(ReferenceResource.class.getResourceAsStream(PAGE + "index.html"), HTML)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .build();
  }

  @Override
  public Response getDocsAsset(String asset) {
    DocsAsset known = assets.get(asset);
    InputStream content =
        known == null ? null : ReferenceResource.class.getResourceAsStream(known.resource());
    if (content == null) {
      throw new LibraryException(Failure.NOT_FOUND, "No such file.");
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(content, known.contentType()).cacheControl(cache).build();
  }

  private static String json(byte[] yaml) {
    try {
      return new ObjectMapper()
          .writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("The OpenAPI document cannot be read", e);
    }
  }

  private static String swaggerUiVersion() {
    Properties pom = new Properties();
    try (InputStream in = ReferenceResource.class.getResourceAsStream(SWAGGER_UI_POM)) {
      if (in == null) {
        throw new IllegalStateException("Swagger UI is missing from the build");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Swagger UI's version cannot be read", e);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = ReferenceResource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the build: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
