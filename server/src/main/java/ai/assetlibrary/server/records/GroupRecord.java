package ai.assetlibrary.server.records;

/** A row of {@code asset_groups}. */
public record GroupRecord(
    long id,
    String publicId,
    long tenantId,
    long ownerUserId,
    String name,
    String groupKind,
    String status,
    boolean isDefault,
    Long legacyId,
    String providerGroupId,
    String description,
    Integer retentionDays,
    String bytedToken,
    String callbackToken,
    String h5Link,
    Long h5LinkExpiresAt,
    long createdAt,
    long updatedAt) {}
