package ai.assetlibrary.server.service;

import java.util.regex.Pattern;

/**
 * Display names as stored: without the white space around them. The contract's pattern for a name
 * asks for a character that is not white space (as its regular expression reads {@code \s}), so
 * what is left is never empty.
 */
final class DisplayNames {

  private static final Pattern SURROUNDING_SPACE = Pattern.compile("^\\s+|\\s+$");

  private DisplayNames() {}

  static String clean(String name) {
    return SURROUNDING_SPACE.matcher(name).replaceAll("");
  }
}
