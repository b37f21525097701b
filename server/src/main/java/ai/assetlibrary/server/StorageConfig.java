package ai.assetlibrary.server;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the bytes live: files in the data directory (the default), or an S3-compatible bucket.
 *
 * @param s3 the bucket and how to reach it; empty for files in the data directory
 */
public record StorageConfig(Optional<S3> s3) {

  /**
   * An S3 bucket.
   *
   * @param bucket the bucket's name
   * @param prefix what every object key starts with, ending in {@code /}; empty for none
   * @param endpoint an S3-compatible server; empty for AWS
   * @param region the signing region
   * @param accessKey with {@code secretKey}, the credentials; empty for the SDK's default chain
   * @param secretKey the secret key that goes with {@code accessKey}
   * @param pathStyle whether to address the bucket in the path rather than in the host name
   */
  public record S3(
      String bucket,
      String prefix,
      Optional<URI> endpoint,
      String region,
      Optional<String> accessKey,
      Optional<String> secretKey,
      boolean pathStyle) {}

  public static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?");

  static StorageConfig fromEnvironment(Map<String, String> env) {
    String kind = Env.nonBlank(env, "ASSETS_STORAGE").orElse("filesystem");
    switch (kind) {
      case "filesystem":
        return new StorageConfig(Optional.empty());
      case "s3":
        return new StorageConfig(Optional.of(s3(env)));
      default:
        throw new IllegalArgumentException(
            "ASSETS_STORAGE must be filesystem or s3, got '" + kind + "'");
    }
  }

  private static S3 s3(Map<String, String> env) {
    String bucket =
        Env.nonBlank(env, "ASSETS_S3_BUCKET")
            .orElseThrow(
                () -> new IllegalArgumentException("ASSETS_STORAGE=s3 needs ASSETS_S3_BUCKET"));
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "ASSETS_S3_BUCKET must be an S3 bucket name (3 to 63 lower-case letters, digits, dots"
              + " and hyphens), got '"
              + bucket
              + "'");
    }
    String prefix = Env.nonBlank(env, "ASSETS_S3_PREFIX").orElse("");
    if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "ASSETS_S3_PREFIX must be path segments of letters, digits, '_', '.' and '-', got '"
              + prefix
              + "'");
    }
    Optional<String> accessKey = Env.nonBlank(env, "ASSETS_S3_ACCESS_KEY");
    Optional<String> secretKey = Env.nonBlank(env, "ASSETS_S3_SECRET_KEY");
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw new IllegalArgumentException(
          "ASSETS_S3_ACCESS_KEY and ASSETS_S3_SECRET_KEY go together: set both or neither");
    }
    return new S3(
        bucket,
        prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/",
        Env.nonBlank(env, "ASSETS_S3_ENDPOINT").map(raw -> Env.baseUrl("ASSETS_S3_ENDPOINT", raw)),
        Env.nonBlank(env, "ASSETS_S3_REGION").orElse(DEFAULT_REGION),
        accessKey,
        secretKey,
        Env.booleanValue(env, "ASSETS_S3_PATH_STYLE", false));
  }

  /** Whether the bytes live in the data directory. */
  public boolean embedded() {
    return s3.isEmpty();
  }
}
