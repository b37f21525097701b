package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.OperationsApi;
import ai.assetlibrary.api.model.Health;
import ai.assetlibrary.api.model.HealthResponse;

/** {@code /healthz}: liveness. */
public final class OperationsResource implements OperationsApi {

  @Override
  public HealthResponse getHealth() {
    return new HealthResponse(0, new Health(Health.StatusEnum.UP), "OK");
  }
}
