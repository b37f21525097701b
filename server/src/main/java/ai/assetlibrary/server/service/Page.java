package ai.assetlibrary.server.service;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, the size of the whole list, where the page stands, and the cursor
 * of the next page (null on the last page, and in lists that do not give cursors).
 */
public record Page<T>(List<T> items, long total, int current, int size, String nextCursor) {

  public Page(List<T> items, long total, int current, int size) {
    this(items, total, current, size, null);
  }

  static long offset(int current, int size) {
    return (long) (current - 1) * size;
  }

  public long pages() {
    return (total + size - 1) / size;
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), total, current, size, nextCursor);
  }
}
