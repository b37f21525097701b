package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ServiceCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The HTTP status of every {@link ServiceCode}, as documented in the spec's {@code x-http-status}.
 */
public final class ErrorCatalog {

  private static final Map<ServiceCode, Integer> STATUSES = new EnumMap<>(ServiceCode.class);

  static {
    STATUSES.put(ServiceCode.UNIFIED_ASSET_FILE_REQUIRED, 400);
    STATUSES.put(ServiceCode.UNIFIED_ASSET_GROUP_REQUIRED, 400);
    STATUSES.put(ServiceCode.UNIFIED_ASSET_GROUP_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.ASSET_GROUP_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.ASSET_GROUP_ACCESS_DENIED, 403);
    STATUSES.put(ServiceCode.ASSET_GROUP_NOT_ACTIVE, 409);
    STATUSES.put(ServiceCode.ASSET_GROUP_TYPE_UNSUPPORTED, 422);
    STATUSES.put(ServiceCode.ASSET_GROUP_PROVIDER_REF_MISSING, 409);
    STATUSES.put(ServiceCode.ASSET_FILE_REQUIRED, 400);
    STATUSES.put(ServiceCode.ASSET_FILE_EMPTY, 400);
    STATUSES.put(ServiceCode.ASSET_FILE_TYPE_UNSUPPORTED, 415);
    STATUSES.put(ServiceCode.ASSET_FILE_TOO_LARGE, 413);
    STATUSES.put(ServiceCode.ASSET_FILE_CORRUPT, 422);
    STATUSES.put(ServiceCode.ASSET_IMAGE_TOO_LARGE, 422);
    STATUSES.put(ServiceCode.ASSET_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.ASSET_ACCESS_DENIED, 403);
    STATUSES.put(ServiceCode.ASSET_GROUP_DEFAULT_PROTECTED, 409);
    STATUSES.put(ServiceCode.SHARE_USER_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.SHARE_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.RANGE_NOT_SATISFIABLE, 416);
    STATUSES.put(ServiceCode.ASSET_GROUP_NOT_PENDING, 409);
    STATUSES.put(ServiceCode.ASSET_MODEL_LIMIT_EXCEEDED, 422);
    STATUSES.put(ServiceCode.ASSET_MODEL_UNSUPPORTED, 422);
    STATUSES.put(ServiceCode.ASSET_PROVIDER_REJECTED, 422);
    STATUSES.put(ServiceCode.ASSET_PROVIDER_UNAVAILABLE, 502);
    STATUSES.put(ServiceCode.AUTH_API_KEY_MISSING, 401);
    STATUSES.put(ServiceCode.AUTH_API_KEY_INVALID, 401);
    STATUSES.put(ServiceCode.REQUEST_MALFORMED, 400);
    STATUSES.put(ServiceCode.REQUEST_FIELD_INVALID, 400);
    STATUSES.put(ServiceCode.REQUEST_CONTENT_TYPE_UNSUPPORTED, 415);
    STATUSES.put(ServiceCode.REQUEST_NOT_ACCEPTABLE, 406);
    STATUSES.put(ServiceCode.RESOURCE_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.METHOD_NOT_ALLOWED, 405);
    STATUSES.put(ServiceCode.REQUEST_TIMEOUT, 408);
    STATUSES.put(ServiceCode.IDEMPOTENCY_KEY_REUSED, 409);
    STATUSES.put(ServiceCode.RATE_LIMITED, 429);
    STATUSES.put(ServiceCode.STORAGE_QUOTA_EXCEEDED, 507);
    STATUSES.put(ServiceCode.STORAGE_FULL, 507);
    STATUSES.put(ServiceCode.SERVICE_NOT_READY, 503);
    STATUSES.put(ServiceCode.DATABASE_UNAVAILABLE, 503);
    STATUSES.put(ServiceCode.STORAGE_UNAVAILABLE, 503);
    STATUSES.put(ServiceCode.INTERNAL_ERROR, 500);
    STATUSES.put(ServiceCode.UPLOAD_NOT_FOUND, 404);
    STATUSES.put(ServiceCode.UPLOAD_OFFSET_MISMATCH, 409);
    STATUSES.put(ServiceCode.UPLOAD_LOCKED, 423);
    STATUSES.put(ServiceCode.UPLOAD_CHECKSUM_MISMATCH, 460);
    STATUSES.put(ServiceCode.UPLOAD_CHECKSUM_UNSUPPORTED, 400);
    STATUSES.put(ServiceCode.UPLOAD_PROTOCOL_UNSUPPORTED, 412);
    STATUSES.put(ServiceCode.UPLOAD_LENGTH_EXCEEDED, 400);
    STATUSES.put(ServiceCode.UPLOAD_OPEN_LIMIT_EXCEEDED, 429);
    STATUSES.put(ServiceCode.UPLOAD_RESERVED_BYTES_EXCEEDED, 507);
    STATUSES.put(ServiceCode.RENDITION_PRESET_UNKNOWN, 400);
    STATUSES.put(ServiceCode.RENDITION_PARAMETERS_NOT_ALLOWED, 400);
    STATUSES.put(ServiceCode.RENDITION_UNSUPPORTED, 422);
    STATUSES.put(ServiceCode.RENDITION_BUSY, 503);
    STATUSES.put(ServiceCode.RENDITION_TIMEOUT, 503);
  }

  private ErrorCatalog() {}

  /** The HTTP status that always accompanies {@code code}. */
  public static int statusOf(ServiceCode code) {
    Integer status = STATUSES.get(code);
    if (status == null) {
      throw new IllegalStateException("No HTTP status is defined for service code " + code);
    }
    return status;
  }

  /** Every code with its status, for checking the catalogue against the spec. */
  public static Map<ServiceCode, Integer> all() {
    return Map.copyOf(STATUSES);
  }
}
