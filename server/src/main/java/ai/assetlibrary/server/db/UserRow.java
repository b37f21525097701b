package ai.assetlibrary.server.db;

/** A row of {@code users}. */
public record UserRow(long id, long tenantId, String name, long createdAt) {}
