package ai.assetlibrary.server.resources;

import java.util.Locale;
import java.util.Optional;

/**
 * One byte range of a {@code Range} header, resolved against the content's size (RFC 9110 §14).
 * Headers this server does not serve as a range (other units, several ranges, bad syntax) resolve
 * to empty: the whole content is sent instead.
 */
record ByteRange(long first, long last) {

  /** Thrown for a well-formed range that lies outside the content. */
  static final class Unsatisfiable extends Exception {
    Unsatisfiable() {
      super(null, null, false, false);
    }
  }

  long length() {
    return last - first + 1;
  }

  static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
    String value = header.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
      return Optional.empty();
    }
    String spec = value.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (spec.contains(",") || dash < 0) {
      return Optional.empty();
    }
    String from = spec.substring(0, dash).strip();
    String to = spec.substring(dash + 1).strip();
    if (!from.chars().allMatch(Character::isDigit) || !to.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    if (from.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix == 0 || size == 0) {
          throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(from);
      if (!to.isEmpty() && Long.parseLong(to) < first) {
        return Optional.empty();
      }
      if (first >= size) {
        throw new Unsatisfiable();
      }
      long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException e) {
      // Digits beyond a long: no content is that large.
      throw new Unsatisfiable();
    }
  }
}
