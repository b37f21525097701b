package ai.assetlibrary.server.storage;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How new blobs are named: {@code ab/<32 hex digits>.<extension>}, random, so that keys spread
 * evenly over directories and bucket partitions and can be chosen before the bytes arrive.
 */
public final class BlobKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private BlobKeys() {}

  /** A new key for a blob of the given file {@code extension}. */
  public static String newKey(String extension) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String name = HexFormat.of().formatHex(bytes);
    return name.substring(0, 2) + "/" + name + "." + extension;
  }

  /**
   * The key of a blob derived from the one under {@code key}, such as its thumbnail: the same name
   * with {@code suffix} and its own {@code extension}.
   */
  public static String derived(String key, String suffix, String extension) {
    return key.substring(0, key.lastIndexOf('.')) + suffix + "." + extension;
  }
}
