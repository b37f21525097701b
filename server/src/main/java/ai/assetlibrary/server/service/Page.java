package ai.assetlibrary.server.service;

import ai.assetlibrary.server.errors.ApiException;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, the size of the whole list, and where the page stands. */
public record Page<T>(List<T> items, long total, int current, int size) {

  public static final int MAX_SIZE = 100;

  /** Checks the requested page: {@code current} from 1, {@code size} from 1 to 100. */
  static void check(int current, int size) {
    if (current < 1) {
      throw ApiException.invalidField("current", "'current' must be 1 or more.");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.invalidField("size", "'size' must be between 1 and " + MAX_SIZE + ".");
    }
  }

  static long offset(int current, int size) {
    return (long) (current - 1) * size;
  }

  public long pages() {
    return (total + size - 1) / size;
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), total, current, size);
  }
}
