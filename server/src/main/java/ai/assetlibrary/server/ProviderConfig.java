package ai.assetlibrary.server;

import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ModelArkClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * How to reach BytePlus ModelArk: {@code ASSETS_BYTEPLUS_*}.
 *
 * @param timeout the longest one provider call may take
 */
public record ProviderConfig(
    URI endpoint,
    String accessKey,
    String secretKey,
    String region,
    String project,
    Duration timeout) {

  public static final String DEFAULT_REGION = "ap-southeast-1";
  public static final String DEFAULT_PROJECT = "default";
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000L;

  private static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofMillis(200);

  /** The client for this provider: every call retried up to 3 times with backoff, and timed. */
  AssetProvider client(Clock clock, AssetMetrics metrics) {
    return new ModelArkClient(
        endpoint, accessKey, secretKey, region, project, timeout, ATTEMPTS, BACKOFF, clock,
        metrics);
  }

  @Override
  public String toString() {
    return "ProviderConfig[endpoint="
        + endpoint
        + ", region="
        + region
        + ", project="
        + project
        + "]";
  }
}
