package ai.assetlibrary.server.records;

/** A row of {@code shares}, with the grantee's name. */
public record ShareRecord(
    long id,
    long tenantId,
    String targetType,
    long targetId,
    long granteeUserId,
    String granteeName,
    String permission,
    Long expiresAt,
    long createdAt) {}
