package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.OperationsApi;
import ai.assetlibrary.api.model.Health;
import ai.assetlibrary.api.model.HealthResponse;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ErrorResponses;
import ai.assetlibrary.server.service.Readiness;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /healthz}, {@code /readyz} and the contract itself at {@code /openapi.yaml|json}. */
public final class OperationsResource implements OperationsApi {

  private static final String SPEC = "/ai/assetlibrary/server/api/openapi.yaml";

  private final Readiness readiness;
  private final byte[] specYaml;
  private final String specJson;

  public OperationsResource(Readiness readiness) {
    this.readiness = readiness;
    try (InputStream in = OperationsResource.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException("The OpenAPI document is missing from the build: " + SPEC);
      }
      this.specYaml = in.readAllBytes();
      this.specJson =
          new ObjectMapper()
              .writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(specYaml));
    } catch (IOException e) {
      throw new UncheckedIOException("The OpenAPI document cannot be read", e);
    }
  }

  @Override
  public HealthResponse getHealth() {
    return new HealthResponse(0, new Health(Health.StatusEnum.UP), "OK");
  }

  @Override
  public Response getReadiness() {
    return readiness
        .problem()
        .map(
            problem ->
                ErrorResponses.of(
                    ServiceCode.SERVICE_NOT_READY, "Not ready: " + problem + ".", null))
        .orElseGet(() -> Response.ok(getHealth(), MediaType.APPLICATION_JSON_TYPE).build());
  }

  @Override
  public Response getOpenApiYaml() {
    return Response.ok(specYaml, "application/yaml").build();
  }

  @Override
  public Response getOpenApiJson() {
    return Response.ok(specJson, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
