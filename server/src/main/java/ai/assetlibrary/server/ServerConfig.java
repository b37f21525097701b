package ai.assetlibrary.server;

import ai.assetlibrary.server.service.ResumableLimits;
import java.net.URI;
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
 * @param dataDir where the SQLite database and the stored bytes live, and temporary files
 * @param database where the records live: SQLite in the data directory, or PostgreSQL
 * @param storage where the bytes live: files in the data directory, or an S3 bucket
 * @param publicBaseUrl base of the URLs handed to clients; derived from bind and port when absent
 * @param maxUploadBytes largest accepted file
 * @param maxImagePixels most pixels a picture may declare before it is refused undecoded
 * @param mediaProbeTimeout longest time spent measuring one file; past it the file is stored
 *     unmeasured
 * @param sweepInterval how often expired assets and shares are swept from storage
 * @param providerPollInterval how often assets waiting for the provider are checked
 * @param readTimeout longest wait for the next bytes of a request body before it is refused (408)
 * @param startupWait longest wait at start-up for a database or bucket that cannot be reached yet
 * @param orphanGrace how old a blob without a record must be before the sweep removes it: younger
 *     ones may belong to an upload about to record them
 * @param limits rate limit, storage quota and idempotency-key lifetime
 * @param resumable expiry of unfinished resumable uploads, and how many one user may hold
 * @param renditions the presets, caps and limits of renditions on delivery
 * @param provider how to reach the upstream provider; empty when it is not configured
 * @param bootstrapApiKey a key that must exist for the demo user, if set
 */
public record ServerConfig(
    int port,
    String bind,
    Path dataDir,
    DatabaseConfig database,
    StorageConfig storage,
    Optional<URI> publicBaseUrl,
    long maxUploadBytes,
    long maxImagePixels,
    Duration mediaProbeTimeout,
    Duration sweepInterval,
    Duration providerPollInterval,
    Duration readTimeout,
    Duration startupWait,
    Duration orphanGrace,
    UsageLimits limits,
    ResumableLimits resumable,
    RenditionConfig renditions,
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
  public static final long DEFAULT_STARTUP_WAIT_SECONDS = 60L;
  public static final long DEFAULT_ORPHAN_GRACE_SECONDS = 3_600L;

  /**
   * Reads and validates the configuration; throws {@link IllegalArgumentException} naming the bad
   * key.
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    int port = Env.intValue(env, "ASSETS_PORT", DEFAULT_PORT, 0, 65_535);
    String bind = Env.nonBlank(env, "ASSETS_BIND").orElse(DEFAULT_BIND);
    Path dataDir = Path.of(Env.nonBlank(env, "ASSETS_DATA_DIR").orElse(DEFAULT_DATA_DIR));
    Optional<URI> publicBaseUrl =
        Env.nonBlank(env, "ASSETS_PUBLIC_BASE_URL")
            .map(raw -> Env.baseUrl("ASSETS_PUBLIC_BASE_URL", raw));
    long maxUploadBytes =
        Env.longValue(
            env, "ASSETS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES, 1, Long.MAX_VALUE / 2);
    long maxImagePixels =
        Env.longValue(env, "ASSETS_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS, 1, Long.MAX_VALUE);
    Duration probeTimeout =
        Duration.ofMillis(
            Env.longValue(
                env,
                "ASSETS_MEDIA_PROBE_TIMEOUT_MILLIS",
                DEFAULT_MEDIA_PROBE_TIMEOUT_MILLIS,
                1,
                3_600_000));
    Duration sweepInterval =
        Duration.ofSeconds(
            Env.longValue(
                env, "ASSETS_SWEEP_INTERVAL_SECONDS", DEFAULT_SWEEP_INTERVAL_SECONDS, 1, 86_400));
    Optional<String> bootstrapKey = Env.nonBlank(env, "ASSETS_BOOTSTRAP_API_KEY");
    Duration providerPoll =
        Duration.ofSeconds(
            Env.longValue(
                env, "ASSETS_PROVIDER_POLL_SECONDS", DEFAULT_PROVIDER_POLL_SECONDS, 1, 3_600));
    Duration readTimeout =
        Duration.ofSeconds(
            Env.longValue(
                env, "ASSETS_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS, 1, 3_600));
    Optional<ProviderConfig> provider = provider(env);
    return new ServerConfig(
        port,
        bind,
        dataDir,
        DatabaseConfig.fromEnvironment(env),
        StorageConfig.fromEnvironment(env),
        publicBaseUrl,
        maxUploadBytes,
        maxImagePixels,
        probeTimeout,
        sweepInterval,
        providerPoll,
        readTimeout,
        Duration.ofSeconds(
            Env.longValue(
                env, "ASSETS_STARTUP_WAIT_SECONDS", DEFAULT_STARTUP_WAIT_SECONDS, 0, 3_600)),
        Duration.ofSeconds(
            Env.longValue(
                env, "ASSETS_ORPHAN_GRACE_SECONDS", DEFAULT_ORPHAN_GRACE_SECONDS, 0, 7 * 86_400)),
        limits(env),
        resumable(env),
        RenditionConfig.fromEnvironment(env),
        provider,
        bootstrapKey);
  }

  private static UsageLimits limits(Map<String, String> env) {
    long perMinute =
        Env.longValue(
            env,
            "ASSETS_RATE_LIMIT_PER_MINUTE",
            UsageLimits.DEFAULT_REQUESTS_PER_MINUTE,
            0,
            Long.MAX_VALUE / 2);
    long burst =
        Env.longValue(env, "ASSETS_RATE_LIMIT_BURST", UsageLimits.DEFAULT_BURST, 1, 1_000_000_000);
    long quota = Env.longValue(env, "ASSETS_USER_QUOTA_BYTES", 0, 0, Long.MAX_VALUE);
    long idempotencyHours =
        Env.longValue(
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

  private static ResumableLimits resumable(Map<String, String> env) {
    return new ResumableLimits(
        Duration.ofHours(
            Env.longValue(
                env,
                "ASSETS_UPLOAD_EXPIRY_HOURS",
                ResumableLimits.DEFAULT_EXPIRY_HOURS,
                1,
                24 * 365)),
        Env.intValue(env, "ASSETS_UPLOAD_MAX_OPEN", ResumableLimits.DEFAULT_MAX_OPEN, 1, 1_000_000),
        Env.longValue(
            env,
            "ASSETS_UPLOAD_MAX_RESERVED_BYTES",
            ResumableLimits.DEFAULT_MAX_RESERVED_BYTES,
            1,
            Long.MAX_VALUE / 2));
  }

  private static Optional<ProviderConfig> provider(Map<String, String> env) {
    Optional<String> endpoint = Env.nonBlank(env, "ASSETS_BYTEPLUS_ENDPOINT");
    Optional<String> accessKey = Env.nonBlank(env, "ASSETS_BYTEPLUS_ACCESS_KEY");
    Optional<String> secretKey = Env.nonBlank(env, "ASSETS_BYTEPLUS_SECRET_KEY");
    if (endpoint.isEmpty() && accessKey.isEmpty() && secretKey.isEmpty()) {
      return Optional.empty();
    }
    if (endpoint.isEmpty() || accessKey.isEmpty() || secretKey.isEmpty()) {
      throw new IllegalArgumentException(
          "ASSETS_BYTEPLUS_ENDPOINT, ASSETS_BYTEPLUS_ACCESS_KEY and ASSETS_BYTEPLUS_SECRET_KEY"
              + " go together: set all three or none");
    }
    long timeout =
        Env.longValue(
            env,
            "ASSETS_BYTEPLUS_TIMEOUT_MILLIS",
            ProviderConfig.DEFAULT_TIMEOUT_MILLIS,
            1,
            600_000);
    return Optional.of(
        new ProviderConfig(
            Env.baseUrl("ASSETS_BYTEPLUS_ENDPOINT", endpoint.get()),
            accessKey.get(),
            secretKey.get(),
            Env.nonBlank(env, "ASSETS_BYTEPLUS_REGION").orElse(ProviderConfig.DEFAULT_REGION),
            Env.nonBlank(env, "ASSETS_BYTEPLUS_PROJECT").orElse(ProviderConfig.DEFAULT_PROJECT),
            Duration.ofMillis(timeout)));
  }
}
