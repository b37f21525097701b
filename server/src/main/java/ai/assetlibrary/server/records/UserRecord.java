package ai.assetlibrary.server.records;

/** A row of {@code users}. */
public record UserRecord(long id, long tenantId, String name, long createdAt) {}
