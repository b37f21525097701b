package ai.assetlibrary.server.records;

/**
 * An asset as one caller sees it: the row, its group and owner, and the caller's active shares of
 * the asset itself and of its group (null when there is none).
 */
public record AssetAccessRecord(
    AssetRecord asset,
    String groupPublicId,
    String groupName,
    String ownerName,
    String assetSharePermission,
    Long assetShareExpiresAt,
    String groupSharePermission,
    Long groupShareExpiresAt) {}
