package ai.assetlibrary.server.service;

/**
 * A new group, or changes to one; null fields are absent.
 *
 * @param retentionDays days until uploaded assets expire; on an update, 0 removes the retention
 */
public record GroupChanges(
    String name, String groupKind, String description, Integer retentionDays) {}
