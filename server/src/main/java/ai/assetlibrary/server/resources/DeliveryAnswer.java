package ai.assetlibrary.server.resources;

import ai.assetlibrary.server.service.DeliveryService.Delivery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a delivery request for stored content is answered, whichever HTTP layer writes it: the status
 * ({@code 200}, {@code 206} or {@code 304}), the headers in order, and the span of the content that
 * is the body.
 */
record DeliveryAnswer(int status, List<Header> headers, long first, long length) {

  private static final String IMMUTABLE = "private, max-age=31536000, immutable";
  private static final String SANDBOX = "sandbox; default-src 'none'";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** A response header. */
  record Header(String name, String value) {}

  DeliveryAnswer {
    headers = List.copyOf(headers);
  }

  /**
   * The answer to a request for {@code delivery} with these {@code Range}, {@code If-None-Match}
   * and {@code If-Range} headers (each null when absent).
   *
   * @throws ByteRange.Unsatisfiable when the range lies outside the content
   */
  static DeliveryAnswer of(Delivery delivery, String range, String ifNoneMatch, String ifRange)
      throws ByteRange.Unsatisfiable {
    String etag = '"' + delivery.sha256() + '"';
    long size = delivery.blob().size();
    List<Header> headers = new ArrayList<>();
    if (ifNoneMatch != null && matchesAny(ifNoneMatch, etag)) {
      headers.add(new Header("ETag", etag));
      headers.add(new Header("Cache-Control", IMMUTABLE));
      varyByAccept(delivery, headers);
      return new DeliveryAnswer(304, headers, 0, 0);
    }
    boolean rangeApplies = range != null && (ifRange == null || ifRange.strip().equals(etag));
    Optional<ByteRange> byteRange = rangeApplies ? ByteRange.parse(range, size) : Optional.empty();
    long first = byteRange.map(ByteRange::first).orElse(0L);
    long length = byteRange.map(ByteRange::length).orElse(size);
    if (byteRange.isPresent()) {
      headers.add(
          new Header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + size));
    }
    headers.add(new Header("Content-Type", delivery.mimeType()));
    headers.add(new Header("Content-Length", Long.toString(length)));
    headers.add(new Header("ETag", etag));
    headers.add(
        new Header("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(delivery.storedAt()))));
    headers.add(new Header("Accept-Ranges", "bytes"));
    headers.add(new Header("Cache-Control", IMMUTABLE));
    headers.add(new Header("X-Content-Type-Options", "nosniff"));
    varyByAccept(delivery, headers);
    boolean passive = isPassive(delivery.mimeType());
    if (delivery.filename() != null) {
      headers.add(
          new Header(
              "Content-Disposition",
              ContentDisposition.of(passive ? "inline" : "attachment", delivery.filename())));
    }
    if (!passive) {
      headers.add(new Header("Content-Security-Policy", SANDBOX));
    }
    return new DeliveryAnswer(byteRange.isPresent() ? 206 : 200, headers, first, length);
  }

  /** Whether the answer carries content ({@code 200} or {@code 206}, not {@code 304}). */
  boolean hasContent() {
    return status != 304;
  }

  private static void varyByAccept(Delivery delivery, List<Header> headers) {
    if (delivery.variesByAccept()) {
      headers.add(new Header("Vary", "Accept"));
    }
  }

  /** Images (but SVG), video and audio: types a browser displays without running anything. */
  private static boolean isPassive(String mimeType) {
    return (mimeType.startsWith("image/") && !mimeType.startsWith("image/svg"))
        || mimeType.startsWith("video/")
        || mimeType.startsWith("audio/");
  }

  private static boolean matchesAny(String ifNoneMatch, String etag) {
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }
}
