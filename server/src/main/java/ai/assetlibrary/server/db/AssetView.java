package ai.assetlibrary.server.db;

/** An asset together with its group and owner, everything its record shows. */
public record AssetView(AssetRow asset, AssetGroupRow group, String ownerName) {}
