package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.LibraryException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, the size of the whole list (exact, or a lower bound), where the
 * page stands, and the cursor of the next page (null on the last page, and in lists that do not
 * give cursors).
 */
public record Page<T>(
    List<T> items, long total, boolean totalExact, int current, int size, String nextCursor) {

  public Page(List<T> items, long total, int current, int size, String nextCursor) {
    this(items, total, true, current, size, nextCursor);
  }

  public Page(List<T> items, long total, int current, int size) {
    this(items, total, current, size, null);
  }

  /** How far into a list {@code current} reaches; past it, pages are walked with cursors. */
  static final long DEEPEST_ITEM = 10_000;

  /**
   * Where page {@code current} of {@code size} items starts; refused as {@code current} when the
   * page would end beyond {@link #DEEPEST_ITEM}.
   */
  static long offset(int current, int size) {
    long offset = (long) (current - 1) * size;
    if (offset + size > DEEPEST_ITEM) {
      throw LibraryException.invalidField(
          "current",
          "Pages by number reach the first "
              + DEEPEST_ITEM
              + " items; walk further with cursor, from pagination.nextCursor.");
    }
    return offset;
  }

  public long pages() {
    return (total + size - 1) / size;
  }

  /** This page, its {@code total} saying only that at least that many items are in the list. */
  Page<T> withTotalAsLowerBound() {
    return new Page<>(items, total, false, current, size, nextCursor);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(
        items.stream().map(mapper).toList(), total, totalExact, current, size, nextCursor);
  }
}
