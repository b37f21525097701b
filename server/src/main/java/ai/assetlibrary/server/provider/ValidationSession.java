package ai.assetlibrary.server.provider;

/**
 * A real-person verification session at the provider.
 *
 * @param bytedToken the provider's token for asking how the session ended
 * @param h5Link the page where the person verifies; it lives about 120 seconds
 */
public record ValidationSession(String bytedToken, String h5Link) {}
