package ai.assetlibrary.server.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the content checksum of every stored blob. */
public final class Sha256 {

  private Sha256() {}

  /** A fresh digest, for hashing while streaming. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Lowercase hex of the digest's result. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    MessageDigest digest = newDigest();
    digest.update(bytes);
    return hex(digest);
  }
}
