package ai.assetlibrary.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Reading {@code ASSETS_*} variables: each check's message names the variable at fault. */
final class Env {

  private Env() {}

  static Optional<String> nonBlank(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  static int intValue(Map<String, String> env, String key, int def, int min, int max) {
    return (int) longValue(env, key, def, min, max);
  }

  static long longValue(Map<String, String> env, String key, long def, long min, long max) {
    Optional<String> raw = nonBlank(env, key);
    if (raw.isEmpty()) {
      return def;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number, got '" + raw.get() + "'", e);
    }
  }

  static URI baseUrl(String key, String raw) {
    try {
      URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            key
                + " must be an absolute http(s) URL without query or fragment,"
                + " got '"
                + raw
                + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not a valid URL: '" + raw + "'", e);
    }
  }

  static boolean booleanValue(Map<String, String> env, String key, boolean def) {
    Optional<String> raw = nonBlank(env, key);
    if (raw.isEmpty()) {
      return def;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              key + " must be true or false, got '" + raw.get() + "'");
    };
  }
}
