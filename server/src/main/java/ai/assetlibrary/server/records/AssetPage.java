package ai.assetlibrary.server.records;

import java.util.List;

/**
 * A page of the assets a caller sees, and how many the filter selects in all.
 *
 * @param rows the page the filter's offset, limit and cursor position select, in list order
 * @param total how many assets the filter selects, its offset, limit and position aside; at most
 *     {@link #COUNTED_MATCHES} for a keyword
 * @param totalExact false when a keyword selects more than {@link #COUNTED_MATCHES} assets, and
 *     {@code total} says only that at least that many match
 */
public record AssetPage(List<AssetAccessRecord> rows, long total, boolean totalExact) {

  /** How far the matches of a keyword are counted: a count past it would cost what they cost. */
  public static final long COUNTED_MATCHES = 10_000;
}
