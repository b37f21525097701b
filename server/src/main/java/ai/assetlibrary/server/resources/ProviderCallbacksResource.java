package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.ProviderCallbacksApi;
import ai.assetlibrary.api.model.DeletedResponse;
import ai.assetlibrary.api.model.VisualValidationCallback;
import ai.assetlibrary.server.service.ProviderReconciler;
import jakarta.ws.rs.core.Response;

/** {@code /callbacks/byteplus/…}: what the provider reports back. */
public final class ProviderCallbacksResource implements ProviderCallbacksApi {

  private final ProviderReconciler reconciler;

  public ProviderCallbacksResource(ProviderReconciler reconciler) {
    this.reconciler = reconciler;
  }

  @Override
  public Response receiveVisualValidationCallback(
      String callbackToken, String resultCode, VisualValidationCallback body) {
    String code = resultCode != null ? resultCode : body == null ? null : body.getResultCode();
    reconciler.onVerificationCallback(callbackToken, code);
    return Response.ok(new DeletedResponse(0, "Received", "OK")).build();
  }
}
