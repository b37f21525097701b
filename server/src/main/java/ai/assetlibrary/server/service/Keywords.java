package ai.assetlibrary.server.service;

/** Turns a search keyword into a LIKE pattern that matches it literally anywhere in a name. */
final class Keywords {

  private Keywords() {}

  /**
   * {@code %keyword%} with {@code \}, {@code %} and {@code _} escaped by {@code \}; null stays
   * null.
   */
  static String containsPattern(String keyword) {
    if (keyword == null) {
      return null;
    }
    String escaped = keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** The trimmed keyword, or null when blank. */
  static String normalise(String keyword) {
    return keyword == null || keyword.isBlank() ? null : keyword.strip();
  }
}
