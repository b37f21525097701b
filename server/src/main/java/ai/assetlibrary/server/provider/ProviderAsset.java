package ai.assetlibrary.server.provider;

/**
 * An asset as the provider reports it.
 *
 * @param status {@code Processing}, {@code Active} or {@code Failed}
 * @param errorCode the provider's error code when it failed, e.g. {@code FaceMismatch}; else null
 */
public record ProviderAsset(String status, String errorCode, String errorMessage) {

  public boolean isActive() {
    return "Active".equalsIgnoreCase(status);
  }

  public boolean isFailed() {
    return "Failed".equalsIgnoreCase(status);
  }
}
