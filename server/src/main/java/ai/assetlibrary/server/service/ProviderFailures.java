package ai.assetlibrary.server.service;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ProviderError;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ApiException;
import ai.assetlibrary.server.provider.ProviderException;

/** How provider failures reach the caller: 422 when refused, 502 when unavailable. */
final class ProviderFailures {

  private ProviderFailures() {}

  static ApiException toApiException(ProviderException e) {
    if (e.isRejected()) {
      return new ApiException(
          ServiceCode.ASSET_PROVIDER_REJECTED,
          "The provider refused the request: " + e.code() + ": " + e.getMessage(),
          new ErrorDetails()
              .providerLastError(new ProviderError(e.code()).message(e.getMessage())));
    }
    return new ApiException(ServiceCode.ASSET_PROVIDER_UNAVAILABLE, e.getMessage());
  }
}
