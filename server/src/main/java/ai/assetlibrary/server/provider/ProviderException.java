package ai.assetlibrary.server.provider;

/**
 * A provider call that did not succeed: the provider refused it ({@link #rejected}, with its error
 * code and message), or it could not be reached, failed or timed out after every retry ({@link
 * #unavailable}).
 */
public final class ProviderException extends Exception {

  private final boolean rejected;
  private final String code;

  private ProviderException(boolean rejected, String code, String message) {
    super(message, null, false, false);
    this.rejected = rejected;
    this.code = code;
  }

  public static ProviderException rejected(String code, String message) {
    return new ProviderException(true, code, message);
  }

  public static ProviderException unavailable(String message) {
    return new ProviderException(false, null, message);
  }

  /** True when the provider answered with an error; false when it could not be used at all. */
  public boolean isRejected() {
    return rejected;
  }

  /** The provider's error code, e.g. {@code InvalidParameter}; null when unavailable. */
  public String code() {
    return code;
  }
}
