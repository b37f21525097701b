package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.RecordStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyset cursors of the lists: where the next page starts (the sort key of the last item given),
 * sealed with an HMAC to the caller and to the request it was made for, so that a cursor can be
 * neither forged, altered, nor used by another caller or with other filters. The key is shared by
 * every instance through the records.
 */
public final class ListCursors {

  /**
   * Where a page starts: after the item with this sort key ({@code first} leads, as the default
   * group does among groups; {@code createdAt} and {@code id} descending after it), and the page's
   * number.
   */
  public record Position(int page, boolean first, long createdAt, long id) {}

  private static final String KEY_NAME = "list-cursors";
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte VERSION = 1;
  private static final int PAYLOAD_BYTES = 1 + 4 + 1 + 8 + 8;
  private static final int MAC_BYTES = 16;
  private static final char SEPARATOR = '\u001f';
  private static final byte[] SEPARATOR_BYTES = {(byte) SEPARATOR};

  private final RecordStore records;
  private final Clock clock;
  private volatile SecretKeySpec key;

  public ListCursors(RecordStore records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /**
   * One page of {@code rows}, which were read with one more than {@code size} to tell whether
   * another page follows; its cursor, if so, starts after the last item of this one.
   */
  <R, T> Page<T> page(
      Caller caller,
      List<String> binding,
      int current,
      int size,
      List<R> rows,
      long total,
      Function<R, Position> sortKey,
      Function<R, T> view) {
    boolean more = rows.size() > size;
    List<R> shown = more ? rows.subList(0, size) : rows;
    String next = null;
    if (more) {
      Position last = sortKey.apply(shown.get(shown.size() - 1));
      next =
          seal(
              caller,
              binding,
              new Position(current + 1, last.first(), last.createdAt(), last.id()));
    }
    return new Page<>(shown.stream().map(view).toList(), total, current, size, next);
  }

  /** The position {@code cursor} names, if it was made for this caller and {@code binding}. */
  Position open(Caller caller, List<String> binding, String cursor) {
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (sealed.length != PAYLOAD_BYTES + MAC_BYTES || sealed[0] != VERSION) {
      throw invalid();
    }
    byte[] payload = Arrays.copyOf(sealed, PAYLOAD_BYTES);
    byte[] mac = Arrays.copyOfRange(sealed, PAYLOAD_BYTES, sealed.length);
    if (!MessageDigest.isEqual(mac, mac(caller, binding, payload))) {
      throw invalid();
    }
    ByteBuffer fields = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
    int page = fields.getInt();
    boolean first = fields.get() != 0;
    return new Position(page, first, fields.getLong(), fields.getLong());
  }

  private String seal(Caller caller, List<String> binding, Position position) {
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
    payload
        .put(VERSION)
        .putInt(position.page())
        .put((byte) (position.first() ? 1 : 0))
        .putLong(position.createdAt())
        .putLong(position.id());
    byte[] mac = mac(caller, binding, payload.array());
    ByteBuffer sealed = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
    sealed.put(payload.array()).put(mac);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.array());
  }

  /** The MAC of the payload for this caller and request, truncated to {@link #MAC_BYTES}. */
  private byte[] mac(Caller caller, List<String> binding, byte[] payload) {
    StringBuilder context = new StringBuilder();
    context.append(caller.tenantId()).append(SEPARATOR).append(caller.userId());
    for (String part : binding) {
      context.append(SEPARATOR).append(part == null ? "\u0000" : part);
    }
    try {
      Mac hmac = Mac.getInstance(ALGORITHM);
      hmac.init(key());
      hmac.update(context.toString().getBytes(StandardCharsets.UTF_8));
      hmac.update(SEPARATOR_BYTES);
      return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec known = key;
    if (known == null) {
      byte[] candidate = new byte[32];
      new SecureRandom().nextBytes(candidate);
      String secret =
          records
              .secrets()
              .getOrCreate(KEY_NAME, HexFormat.of().formatHex(candidate), clock.millis());
      known = new SecretKeySpec(HexFormat.of().parseHex(secret), ALGORITHM);
      key = known;
    }
    return known;
  }

  private static LibraryException invalid() {
    return LibraryException.invalidField(
        "cursor",
        "The cursor is not one this list gave you for these filters and this size;"
            + " start again without it.");
  }
}
