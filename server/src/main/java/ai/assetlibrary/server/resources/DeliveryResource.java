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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code /files/{deliveryKey}}: the bytes behind an asset's {@code url} or {@code thumbnailUrl}, or
 * a rendition of them, with single byte ranges, conditional requests and {@code HEAD}.
 */
public final class DeliveryResource implements DeliveryApi {

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
    DeliveryAnswer answer;
    try {
      answer = DeliveryAnswer.of(delivery, range, ifNoneMatch, ifRange);
    } catch (ByteRange.Unsatisfiable e) {
      long size = delivery.blob().size();
      return Response.fromResponse(
              ErrorResponses.of(
                  ServiceCode.RANGE_NOT_SATISFIABLE,
                  "The requested range is outside the " + size + " bytes of this content.",
                  null))
          .header("Content-Range", "bytes */" + size)
          .header("Accept-Ranges", "bytes")
          .build();
    }
    Response.ResponseBuilder response = Response.status(answer.status());
    answer.headers().forEach(header -> response.header(header.name(), header.value()));
    if (withBody && answer.hasContent()) {
      response.entity(openContent(delivery, answer.first(), answer.length()));
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
