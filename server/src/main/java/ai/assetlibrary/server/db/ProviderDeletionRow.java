package ai.assetlibrary.server.db;

/** A row of {@code provider_deletions}: a delete the provider still owes us. */
public record ProviderDeletionRow(
    long id,
    String targetType,
    String providerId,
    int attempts,
    String lastError,
    long createdAt) {}
