package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.errors.ApiException;

/** Checks that a JSON request body was sent at all. */
final class Bodies {

  private Bodies() {}

  static <T> T required(T body) {
    if (body == null) {
      throw new ApiException(ServiceCode.REQUEST_MALFORMED, "A JSON request body is required.");
    }
    return body;
  }
}
