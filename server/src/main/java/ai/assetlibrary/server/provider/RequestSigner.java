package ai.assetlibrary.server.provider;

import ai.assetlibrary.server.storage.Sha256;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HTTP requests with the V4 HMAC-SHA256 scheme: canonical request, string to sign, a signing
 * key derived from the secret through date, region, service and terminator, and the Authorization
 * header that carries the signature.
 */
public final class RequestSigner {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SigningScheme scheme;
  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final String service;

  public RequestSigner(
      SigningScheme scheme, String accessKey, String secretKey, String region, String service) {
    this.scheme = scheme;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.service = service;
  }

  /** What a signed request carries: the headers to add, and the canonical forms, for checking. */
  public record Signature(
      Map<String, String> headers, String canonicalRequest, String stringToSign, String value) {}

  /**
   * Signs a request. {@code headers} are the headers to sign (at least {@code Host}); the date
   * header is added to them. The body's SHA-256 is signed as the payload hash.
   */
  public Signature sign(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body,
      Instant time) {
    String timestamp = TIMESTAMP.format(time);
    String date = timestamp.substring(0, 8);
    String payloadHash = Sha256.hex(body);
    SortedMap<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.strip()));
    signed.put(scheme.dateHeader().toLowerCase(Locale.ROOT), timestamp);
    String signedHeaders = String.join(";", signed.keySet());
    String canonicalRequest =
        String.join(
            "\n",
            method,
            path.isEmpty() ? "/" : path,
            canonicalQuery(query),
            signed.entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining("\n"))
                + "\n",
            signedHeaders,
            payloadHash);
    String scope = date + "/" + region + "/" + service + "/" + scheme.scopeTerminator();
    String stringToSign =
        String.join(
            "\n",
            scheme.algorithm(),
            timestamp,
            scope,
            Sha256.hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac((scheme.secretPrefix() + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, scheme.scopeTerminator());
    String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
    Map<String, String> added = new TreeMap<>();
    added.put(scheme.dateHeader(), timestamp);
    added.put(
        "Authorization",
        scheme.algorithm()
            + " Credential="
            + accessKey
            + "/"
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature);
    return new Signature(added, canonicalRequest, stringToSign, signature);
  }

  /** Query parameters sorted by name, names and values percent-encoded per RFC 3986. */
  static String canonicalQuery(Map<String, String> query) {
    return new TreeMap<>(query)
        .entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  /** RFC 3986 percent-encoding: everything but letters, digits and {@code -_.~}. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
