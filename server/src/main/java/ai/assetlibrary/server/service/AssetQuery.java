package ai.assetlibrary.server.service;

/** The filters and page of an asset listing, as the caller sent them (null: no filter). */
public record AssetQuery(
    int current,
    int size,
    String cursor,
    String groupId,
    String keyword,
    String mediaType,
    String assetKind,
    String status,
    boolean ownedOnly,
    String createdBy) {}
