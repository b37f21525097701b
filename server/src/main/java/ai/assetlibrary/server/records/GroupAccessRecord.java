package ai.assetlibrary.server.records;

/** A group as one caller sees it: the row, its owner, its asset count, the caller's share. */
public record GroupAccessRecord(
    GroupRecord group,
    String ownerName,
    long assetCount,
    String sharePermission,
    Long shareExpiresAt) {}
