package ai.assetlibrary.server.db;

/** A row of {@code shares}, with the grantee's name. */
public record ShareRow(
    long id,
    long tenantId,
    String targetType,
    long targetId,
    long granteeUserId,
    String granteeName,
    String permission,
    Long expiresAt,
    long createdAt) {}
