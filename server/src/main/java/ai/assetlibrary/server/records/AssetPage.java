package ai.assetlibrary.server.records;

import java.util.List;

/**
 * A page of the assets a caller sees, and how many the filter selects in all.
 *
 * @param rows the page the filter's offset, limit and cursor position select, in list order
 * @param total how many assets the filter selects, its offset, limit and position aside
 */
public record AssetPage(List<AssetAccessRecord> rows, long total) {}
