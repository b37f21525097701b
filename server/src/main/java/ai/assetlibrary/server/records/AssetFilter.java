package ai.assetlibrary.server.records;

/**
 * Which visible assets to list, for whom and at what time; null fields do not filter.
 *
 * @param keyword exact public id to match, or null
 * @param namePattern a LIKE pattern (with {@code !} as escape) for the name, or null
 * @param mediaFamily {@code image}, {@code video} or {@code audio}, or null
 * @param mimeType a full detected type such as {@code image/png}, or null
 * @param afterCreatedAt with {@code afterId}, list only what comes after the asset with this sort
 *     key (newest first, then by id, descending); both null from the start
 */
public record AssetFilter(
    long tenantId,
    long userId,
    long now,
    Long groupId,
    String keyword,
    String namePattern,
    String mediaFamily,
    String mimeType,
    String assetKind,
    String status,
    boolean ownedOnly,
    String createdBy,
    int limit,
    long offset,
    Long afterCreatedAt,
    Long afterId) {}
