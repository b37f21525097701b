package ai.assetlibrary.server.service;

/** The filters and page of a group listing, as the caller sent them (null: no filter). */
public record GroupQuery(
    int current,
    int size,
    String cursor,
    String keyword,
    String groupKind,
    String status,
    boolean ownedOnly,
    String createdBy) {}
