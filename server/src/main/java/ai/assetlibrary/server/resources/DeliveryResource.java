package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.DeliveryApi;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.errors.ErrorResponses;
import ai.assetlibrary.server.service.DeliveryService;
import ai.assetlibrary.server.service.DeliveryService.Delivery;
import ai.assetlibrary.server.service.RenditionQuery;
import ai.assetlibrary.server.storage.BlobMissingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code /files/{deliveryKey}}: the bytes behind an asset's {@code url} or {@code thumbnailUrl}, or
 * a rendition of them, with single byte ranges, conditional requests and {@code HEAD}.
 */
public final class DeliveryResource implements DeliveryApi {

  private static final String IMMUTABLE = "private, max-age=31536000, immutable";
  private static final String SANDBOX = "sandbox; default-src 'none'";

  private final DeliveryService deliveries;

  @Context private UriInfo uri;
  @Context private HttpHeaders headers;

  public DeliveryResource(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Response downloadAssetContent(
      String deliveryKey,
      String range,
      String ifNoneMatch,
      String ifRange,
      Integer w,
      Integer h,
      String fit,
      String format,
      Integer q,
      Double t,
      String preset) {
    RenditionQuery query = new RenditionQuery(w, h, fit, format, q, t, preset);
    return respond(deliveryKey, range, ifNoneMatch, ifRange, query, true);
  }

  @Override
  public Response headAssetContent(
      String deliveryKey,
      String range,
      String ifNoneMatch,
      String ifRange,
      Integer w,
      Integer h,
      String fit,
      String format,
      Integer q,
      Double t,
      String preset) {
    RenditionQuery query = new RenditionQuery(w, h, fit, format, q, t, preset);
    return respond(deliveryKey, range, ifNoneMatch, ifRange, query, false);
  }

  private Response respond(
      String deliveryKey,
      String range,
      String ifNoneMatch,
      String ifRange,
      RenditionQuery query,
      boolean withBody) {
    if (!query.isEmpty()) {
      refuseRepeatedParameters();
    }
    Delivery delivery =
        deliveries
            .find(deliveryKey, query, headers.getHeaderString(HttpHeaders.ACCEPT))
            .orElseThrow(() -> new LibraryException(Failure.NOT_FOUND, "Not found."));
    EntityTag etag = new EntityTag(delivery.sha256());
    long size = delivery.blob().size();
    if (ifNoneMatch != null && matchesAny(ifNoneMatch, delivery.sha256())) {
      Response.ResponseBuilder notModified =
          Response.notModified(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
      if (delivery.variesByAccept()) {
        notModified.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
      }
      return notModified.build();
    }
    Optional<ByteRange> byteRange;
    try {
      boolean rangeApplies =
          range != null && (ifRange == null || ifRange.strip().equals(etag.toString()));
      byteRange = rangeApplies ? ByteRange.parse(range, size) : Optional.empty();
    } catch (ByteRange.Unsatisfiable e) {
      return Response.fromResponse(
              ErrorResponses.of(
                  ServiceCode.RANGE_NOT_SATISFIABLE,
                  "The requested range is outside the " + size + " bytes of this content.",
                  null))
          .header("Content-Range", "bytes */" + size)
          .header("Accept-Ranges", "bytes")
          .build();
    }
    long first = byteRange.map(ByteRange::first).orElse(0L);
    long length = byteRange.map(ByteRange::length).orElse(size);
    Response.ResponseBuilder response =
        byteRange.isPresent()
            ? Response.status(Response.Status.PARTIAL_CONTENT)
                .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + size)
            : Response.ok();
    response
        .type(delivery.mimeType())
        .header(HttpHeaders.CONTENT_LENGTH, length)
        .tag(etag)
        .lastModified(new Date(delivery.storedAt()))
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
        .header("X-Content-Type-Options", "nosniff");
    if (delivery.variesByAccept()) {
      response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
    boolean passive = isPassive(delivery.mimeType());
    if (delivery.filename() != null) {
      response.header(
          "Content-Disposition",
          ContentDisposition.of(passive ? "inline" : "attachment", delivery.filename()));
    }
    if (!passive) {
      response.header("Content-Security-Policy", SANDBOX);
    }
    if (withBody) {
      response.entity(openContent(delivery, first, length));
    }
    return response.build();
  }

  /** A rendition parameter sent twice is refused rather than one of its values silently used. */
  private void refuseRepeatedParameters() {
    MultivaluedMap<String, String> parameters = uri.getQueryParameters();
    for (String name : RenditionQuery.NAMES) {
      List<String> values = parameters.get(name);
      if (values != null && values.size() > 1) {
        throw LibraryException.invalidField(name, "'" + name + "' may be sent only once.");
      }
    }
  }

  /** Images (but SVG), video and audio: types a browser displays without running anything. */
  private static boolean isPassive(String mimeType) {
    return (mimeType.startsWith("image/") && !mimeType.startsWith("image/svg"))
        || mimeType.startsWith("video/")
        || mimeType.startsWith("audio/");
  }

  private static boolean matchesAny(String ifNoneMatch, String sha256) {
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals('"' + sha256 + '"'));
  }

  /**
   * The content's bytes from {@code first}, {@code length} of them, opened before the response
   * starts: a file deleted meanwhile (the asset was deleted after it was looked up) is a 404, not a
   * broken response. Jersey closes the stream once it is written.
   */
  private static InputStream openContent(Delivery delivery, long first, long length) {
    try {
      return delivery.blob().open(first, length);
    } catch (BlobMissingException e) {
      throw new LibraryException(Failure.NOT_FOUND, "Not found.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
