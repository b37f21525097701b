package ai.assetlibrary.server.auth;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/**
 * Puts {@link ApiKeyFilter} in front of every operation the spec secures. The generated interfaces
 * give exactly those operations a {@link SecurityContext} parameter, so the spec decides.
 */
public final class ApiKeyAuthFeature implements DynamicFeature {

  private final ApiKeyFilter filter;

  public ApiKeyAuthFeature(ApiKeyFilter filter) {
    this.filter = filter;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    boolean secured =
        Arrays.asList(resourceInfo.getResourceMethod().getParameterTypes())
            .contains(SecurityContext.class);
    if (secured) {
      context.register(filter);
    }
  }
}
