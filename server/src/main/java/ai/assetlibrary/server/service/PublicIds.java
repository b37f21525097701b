package ai.assetlibrary.server.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable public identifiers. */
public final class PublicIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicIds() {}

  /** A library asset id: {@code ua_} and 128 random bits as 32 lowercase hex digits. */
  public static String libraryAssetId() {
    return "ua_" + HexFormat.of().formatHex(randomBytes(16));
  }

  /** A provider-path asset id: {@code ta_} and 128 random bits as 32 lowercase hex digits. */
  public static String providerAssetId() {
    return "ta_" + HexFormat.of().formatHex(randomBytes(16));
  }

  /** A group id: {@code ug_} and 128 random bits as 32 lowercase hex digits. */
  public static String groupId() {
    return "ug_" + HexFormat.of().formatHex(randomBytes(16));
  }

  /** A resumable upload id: {@code up_} and 128 random bits as 32 lowercase hex digits. */
  public static String uploadId() {
    return "up_" + HexFormat.of().formatHex(randomBytes(16));
  }

  /** A delivery token: 256 random bits, URL-safe, unrelated to any id. */
  public static String deliveryToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }

  /** A new delivery key for the same content: a fresh token, the same extension. */
  public static String renewedDeliveryKey(String deliveryKey) {
    return deliveryToken() + deliveryKey.substring(deliveryKey.lastIndexOf('.'));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
