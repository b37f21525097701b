package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.DeliveryApi;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ApiException;
import ai.assetlibrary.server.service.DeliveryService;
import ai.assetlibrary.server.service.DeliveryService.Delivery;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * {@code /files/{deliveryKey}}: the bytes behind an asset's {@code url} or {@code thumbnailUrl}.
 */
public final class DeliveryResource implements DeliveryApi {

  private final DeliveryService deliveries;

  public DeliveryResource(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Response downloadAssetContent(String deliveryKey) {
    Delivery delivery =
        deliveries
            .find(deliveryKey)
            .orElseThrow(() -> new ApiException(ServiceCode.RESOURCE_NOT_FOUND, "Not found."));
    StreamingOutput body =
        out -> {
          try (InputStream in = delivery.blob().open()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, delivery.mimeType())
        .header(HttpHeaders.CONTENT_LENGTH, delivery.blob().size())
        .tag(new EntityTag(delivery.sha256()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
        .build();
  }
}
