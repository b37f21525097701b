package ai.assetlibrary.server.domain;

/**
 * What a failure can say beyond its message, each part null when it does not apply: the field at
 * fault, the limit broken and how far, when to retry, what was detected, what the provider said,
 * where a resumable upload stands.
 */
public record FailureDetails(
    String field,
    Long limitBytes,
    Long limitPixels,
    Long usedBytes,
    Integer retryAfterSeconds,
    String detectedType,
    String limit,
    String providerErrorCode,
    String providerErrorMessage,
    Long uploadOffset) {

  private static final FailureDetails NONE =
      new FailureDetails(null, null, null, null, null, null, null, null, null, null);

  public static FailureDetails none() {
    return NONE;
  }

  public static FailureDetails field(String field) {
    return new FailureDetails(field, null, null, null, null, null, null, null, null, null);
  }

  public static FailureDetails limitBytes(long limitBytes) {
    return new FailureDetails(null, limitBytes, null, null, null, null, null, null, null, null);
  }

  public static FailureDetails quota(long limitBytes, long usedBytes) {
    return new FailureDetails(
        null, limitBytes, null, usedBytes, null, null, null, null, null, null);
  }

  public static FailureDetails limitPixels(long limitPixels) {
    return new FailureDetails(null, null, limitPixels, null, null, null, null, null, null, null);
  }

  public static FailureDetails retryAfterSeconds(int seconds) {
    return new FailureDetails(null, null, null, null, seconds, null, null, null, null, null);
  }

  public static FailureDetails detectedType(String type) {
    return new FailureDetails(null, null, null, null, null, type, null, null, null, null);
  }

  /** The name of a model's limit a file breaks ({@code size}, {@code ratio}, …). */
  public static FailureDetails limit(String limit) {
    return new FailureDetails(null, null, null, null, null, null, limit, null, null, null);
  }

  /** Where a resumable upload stands: the offset to resume from. */
  public static FailureDetails uploadOffset(long offset) {
    return new FailureDetails(null, null, null, null, null, null, null, null, null, offset);
  }

  public static FailureDetails providerError(String code, String message) {
    return new FailureDetails(null, null, null, null, null, null, null, code, message, null);
  }
}
