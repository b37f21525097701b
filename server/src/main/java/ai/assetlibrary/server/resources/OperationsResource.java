package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.OperationsApi;
import ai.assetlibrary.api.model.Health;
import ai.assetlibrary.api.model.HealthResponse;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ErrorResponses;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.service.Readiness;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What operators and monitoring read without a key: liveness, readiness and metrics. */
public final class OperationsResource implements OperationsApi {

  private final Readiness readiness;
  private final AssetMetrics metrics;
  private final String contractVersion;

  public OperationsResource(Readiness readiness, AssetMetrics metrics, String contractVersion) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.contractVersion = contractVersion;
  }

  @Override
  public HealthResponse getHealth() {
    return new HealthResponse(0, new Health(Health.StatusEnum.UP).version(contractVersion), "OK");
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
  public Response getMetrics() {
    return Response.ok(metrics.scrape(), AssetMetrics.CONTENT_TYPE).build();
  }
}
