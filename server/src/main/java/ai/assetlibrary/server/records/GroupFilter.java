package ai.assetlibrary.server.records;

/**
 * Which visible groups to list, for whom and at what time; null fields do not filter.
 *
 * @param keyword exact public id to match, or null
 * @param namePattern a LIKE pattern (with {@code !} as escape) for the name, or null
 * @param afterDefault with {@code afterCreatedAt} and {@code afterId}, list only what comes after
 *     the group with this sort key (the default group first, then newest first, then by id,
 *     descending); all null from the start
 */
public record GroupFilter(
    long tenantId,
    long userId,
    long now,
    String keyword,
    String namePattern,
    String groupKind,
    String status,
    boolean ownedOnly,
    String createdBy,
    int limit,
    long offset,
    Boolean afterDefault,
    Long afterCreatedAt,
    Long afterId) {}
