package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ServiceCode;

/** A failure the caller should see: a {@link ServiceCode}, its HTTP status and a message. */
public class ApiException extends RuntimeException {

  private final ServiceCode serviceCode;
  private final transient ErrorDetails details;

  public ApiException(ServiceCode serviceCode, String message) {
    this(serviceCode, message, null);
  }

  public ApiException(ServiceCode serviceCode, String message, ErrorDetails details) {
    super(message, null, false, false);
    this.serviceCode = serviceCode;
    this.details = details;
  }

  public ServiceCode serviceCode() {
    return serviceCode;
  }

  public int status() {
    return ErrorCatalog.statusOf(serviceCode);
  }

  /** Details for the envelope's {@code data}, or null. */
  public ErrorDetails details() {
    return details;
  }

  /** A field of the request has the wrong type, length or form. */
  public static ApiException invalidField(String field, String message) {
    return new ApiException(
        ServiceCode.REQUEST_FIELD_INVALID, message, new ErrorDetails().field(field));
  }
}
