package ai.assetlibrary.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server's configuration, read once at start-up from {@code ASSETS_*} environment variables.
 *
 * @param port TCP port to listen on; 0 picks a free one
 * @param bind address to bind
 * @param dataDir where the SQLite database and the stored bytes live
 * @param publicBaseUrl base of the URLs handed to clients; derived from bind and port when absent
 * @param maxUploadBytes largest accepted file
 * @param maxImagePixels most pixels a picture may declare before it is refused undecoded
 * @param mediaProbeTimeout longest time spent measuring one file; past it the file is stored
 *     unmeasured
 * @param sweepInterval how often expired assets and shares are swept from storage
 * @param providerPollInterval how often assets waiting for the provider are checked
 * @param readTimeout longest wait for the next bytes of a request body before it is refused (408)
 * @param limits rate limit, storage quota and idempotency-key lifetime
 * @param provider how to reach the upstream provider; empty when it is not configured
 * @param bootstrapApiKey a key that must exist for the demo user, if set
 */
public record ServerConfig(
    int port,
    String bind,
    Path dataDir,
    Optional<URI> publicBaseUrl,
    long maxUploadBytes,
    long maxImagePixels,
    Duration mediaProbeTimeout,
    Duration sweepInterval,
    Duration providerPollInterval,
    Duration readTimeout,
    UsageLimits limits,
    Optional<ProviderConfig> provider,
    Optional<String> bootstrapApiKey) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 104_857_600L;
  public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;
  public static final long DEFAULT_MEDIA_PROBE_TIMEOUT_MILLIS = 15_000L;
  public static final long DEFAULT_SWEEP_INTERVAL_SECONDS = 60L;
  public static final long DEFAULT_PROVIDER_POLL_SECONDS = 5L;
  public static final long DEFAULT_READ_TIMEOUT_SECONDS = 30L;

  /**
   * Reads and validates the configuration; throws {@link IllegalArgumentException} naming the bad
   * key.
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    int port = intValue(env, "ASSETS_PORT", DEFAULT_PORT, 0, 65_535);
    String bind = nonBlank(env, "ASSETS_BIND").orElse(DEFAULT_BIND);
    Path dataDir = Path.of(nonBlank(env, "ASSETS_DATA_DIR").orElse(DEFAULT_DATA_DIR));
    Optional<URI> publicBaseUrl =
        nonBlank(env, "ASSETS_PUBLIC_BASE_URL").map(raw -> baseUrl("ASSETS_PUBLIC_BASE_URL", raw));
    long maxUploadBytes =
        longValue(env, "ASSETS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES, 1, Long.MAX_VALUE / 2);
    long maxImagePixels =
        longValue(env, "ASSETS_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS, 1, Long.MAX_VALUE);
    Duration probeTimeout =
        Duration.ofMillis(
            longValue(
                env,
                "ASSETS_MEDIA_PROBE_TIMEOUT_MILLIS",
                DEFAULT_MEDIA_PROBE_TIMEOUT_MILLIS,
                1,
                3_600_000));
    Duration sweepInterval =
        Duration.ofSeconds(
            longValue(
                env, "ASSETS_SWEEP_INTERVAL_SECONDS", DEFAULT_SWEEP_INTERVAL_SECONDS, 1, 86_400));
    Optional<String> bootstrapKey = nonBlank(env, "ASSETS_BOOTSTRAP_API_KEY");
    Duration providerPoll =
        Duration.ofSeconds(
            longValue(
                env, "ASSETS_PROVIDER_POLL_SECONDS", DEFAULT_PROVIDER_POLL_SECONDS, 1, 3_600));
    Duration readTimeout =
        Duration.ofSeconds(
            longValue(env, "ASSETS_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS, 1, 3_600));
    Optional<ProviderConfig> provider = provider(env);
    return new ServerConfig(
        port,
        bind,
        dataDir,
        publicBaseUrl,
        maxUploadBytes,
        maxImagePixels,
        probeTimeout,
        sweepInterval,
        providerPoll,
        readTimeout,
        limits(env),
        provider,
        bootstrapKey);
  }

  private static UsageLimits limits(Map<String, String> env) {
    long perMinute =
        longValue(
            env,
            "ASSETS_RATE_LIMIT_PER_MINUTE",
            UsageLimits.DEFAULT_REQUESTS_PER_MINUTE,
            0,
            Long.MAX_VALUE / 2);
    long burst =
        longValue(env, "ASSETS_RATE_LIMIT_BURST", UsageLimits.DEFAULT_BURST, 1, 1_000_000_000);
    long quota = longValue(env, "ASSETS_USER_QUOTA_BYTES", 0, 0, Long.MAX_VALUE);
    long idempotencyHours =
        longValue(
            env,
            "ASSETS_IDEMPOTENCY_KEY_HOURS",
            UsageLimits.DEFAULT_IDEMPOTENCY_KEY_HOURS,
            1,
            24 * 365);
    return new UsageLimits(
        perMinute == 0 ? OptionalLong.empty() : OptionalLong.of(perMinute),
        burst,
        quota == 0 ? OptionalLong.empty() : OptionalLong.of(quota),
        Duration.ofHours(idempotencyHours));
  }

  private static Optional<ProviderConfig> provider(Map<String, String> env) {
    Optional<String> endpoint = nonBlank(env, "ASSETS_BYTEPLUS_ENDPOINT");
    Optional<String> accessKey = nonBlank(env, "ASSETS_BYTEPLUS_ACCESS_KEY");
    Optional<String> secretKey = nonBlank(env, "ASSETS_BYTEPLUS_SECRET_KEY");
    if (endpoint.isEmpty() && accessKey.isEmpty() && secretKey.isEmpty()) {
      return Optional.empty();
    }
    if (endpoint.isEmpty() || accessKey.isEmpty() || secretKey.isEmpty()) {
      throw new IllegalArgumentException(
          "ASSETS_BYTEPLUS_ENDPOINT, ASSETS_BYTEPLUS_ACCESS_KEY and ASSETS_BYTEPLUS_SECRET_KEY"
              + " go together: set all three or none");
    }
    long timeout =
        longValue(
            env,
            "ASSETS_BYTEPLUS_TIMEOUT_MILLIS",
            ProviderConfig.DEFAULT_TIMEOUT_MILLIS,
            1,
            600_000);
    return Optional.of(
        new ProviderConfig(
            baseUrl("ASSETS_BYTEPLUS_ENDPOINT", endpoint.get()),
            accessKey.get(),
            secretKey.get(),
            nonBlank(env, "ASSETS_BYTEPLUS_REGION").orElse(ProviderConfig.DEFAULT_REGION),
            nonBlank(env, "ASSETS_BYTEPLUS_PROJECT").orElse(ProviderConfig.DEFAULT_PROJECT),
            Duration.ofMillis(timeout)));
  }

  private static Optional<String> nonBlank(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static int intValue(Map<String, String> env, String key, int def, int min, int max) {
    return (int) longValue(env, key, def, min, max);
  }

  private static long longValue(Map<String, String> env, String key, long def, long min, long max) {
    Optional<String> raw = nonBlank(env, key);
    if (raw.isEmpty()) {
      return def;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number, got '" + raw.get() + "'", e);
    }
  }

  private static URI baseUrl(String key, String raw) {
    try {
      URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            key
                + " must be an absolute http(s) URL without query or fragment,"
                + " got '"
                + raw
                + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not a valid URL: '" + raw + "'", e);
    }
  }
}
