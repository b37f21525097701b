package ai.assetlibrary.server.db;

import org.jdbi.v3.core.mapper.Nested;

/** An asset together with its group and owner, everything its record shows. */
public record AssetView(
    @Nested("a") AssetRow asset, @Nested("g") AssetGroupRow group, String ownerName) {}
