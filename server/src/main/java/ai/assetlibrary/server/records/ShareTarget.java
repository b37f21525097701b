package ai.assetlibrary.server.records;

/** What a share reaches: an {@code ASSET} or a {@code GROUP}, by its row id. */
public record ShareTarget(String targetType, long targetId) {}
