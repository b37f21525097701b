package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.provider.ProviderException;

/** How provider failures reach the caller: 422 when refused, 502 when unavailable. */
final class ProviderFailures {

  private ProviderFailures() {}

  static LibraryException toLibraryException(ProviderException e) {
    if (e.isRejected()) {
      return new LibraryException(
          Failure.PROVIDER_REJECTED,
          "The provider refused the request: " + e.code() + ": " + e.getMessage(),
          FailureDetails.providerError(e.code(), e.getMessage()));
    }
    return new LibraryException(Failure.PROVIDER_UNAVAILABLE, e.getMessage());
  }
}
