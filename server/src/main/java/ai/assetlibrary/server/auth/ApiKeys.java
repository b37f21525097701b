package ai.assetlibrary.server.auth;

import ai.assetlibrary.server.storage.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The form of API keys: {@code sk-} plus 43 random URL-safe characters, stored as SHA-256. */
public final class ApiKeys {

  private static final Pattern WELL_FORMED = Pattern.compile("sk-[A-Za-z0-9_-]{32,256}");
  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new random key. */
  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isWellFormed(String key) {
    return key != null && WELL_FORMED.matcher(key).matches();
  }

  /** The stored form: hex SHA-256 of the key. Keys carry 256 random bits, so no salt is needed. */
  public static String hash(String key) {
    return Sha256.hex(key.getBytes(StandardCharsets.US_ASCII));
  }

  /** A recognisable but useless form of the key for listings: {@code sk-abcd…wxyz}. */
  public static String hint(String key) {
    return key.substring(0, 7) + "…" + key.substring(key.length() - 4);
  }
}
