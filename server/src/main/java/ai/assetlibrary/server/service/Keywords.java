package ai.assetlibrary.server.service;

import java.util.Locale;

/**
 * Turns a search keyword into a LIKE pattern that matches it literally anywhere in a name, in lower
 * case: the records compare it with the lower-cased name, on every database alike.
 */
final class Keywords {

  private Keywords() {}

  /**
   * {@code %keyword%} with {@code !}, {@code %} and {@code _} escaped by {@code !}; null stays
   * null. ({@code !} rather than a backslash: the statement parser would read {@code ESCAPE '\'} as
   * an escaped quote.)
   */
  static String containsPattern(String keyword) {
    if (keyword == null) {
      return null;
    }
    String escaped =
        keyword.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  /** The trimmed keyword, or null when blank. */
  static String normalise(String keyword) {
    return keyword == null || keyword.isBlank() ? null : keyword.strip();
  }
}
