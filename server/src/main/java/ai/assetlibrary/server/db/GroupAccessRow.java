package ai.assetlibrary.server.db;

import org.jdbi.v3.core.mapper.Nested;

/** A group as one caller sees it: the row, its owner, its asset count, the caller's share. */
public record GroupAccessRow(
    @Nested AssetGroupRow group,
    String ownerName,
    long assetCount,
    String sharePermission,
    Long shareExpiresAt) {}
