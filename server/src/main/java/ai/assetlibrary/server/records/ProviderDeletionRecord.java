package ai.assetlibrary.server.records;

/** A row of {@code provider_deletions}: a delete the provider still owes us. */
public record ProviderDeletionRecord(
    long id,
    String targetType,
    String providerId,
    int attempts,
    String lastError,
    long createdAt) {}
