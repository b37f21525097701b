package ai.assetlibrary.server;

import java.net.URI;
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
