package ai.assetlibrary.server.errors;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ProviderError;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;

/**
 * The contract's words for each domain {@link Failure}: its {@code serviceCode} (whose HTTP status
 * {@link ErrorCatalog} holds) and its details as the envelope's {@code data}. The whole policy, in
 * one place.
 */
public final class FailureCodes {

  private FailureCodes() {}

  public static ServiceCode serviceCode(Failure failure) {
    return switch (failure) {
      case FILE_REQUIRED -> ServiceCode.UNIFIED_ASSET_FILE_REQUIRED;
      case LEGACY_FILE_REQUIRED -> ServiceCode.ASSET_FILE_REQUIRED;
      case FILE_EMPTY -> ServiceCode.ASSET_FILE_EMPTY;
      case FILE_TYPE_UNSUPPORTED -> ServiceCode.ASSET_FILE_TYPE_UNSUPPORTED;
      case FILE_TOO_LARGE -> ServiceCode.ASSET_FILE_TOO_LARGE;
      case FILE_CORRUPT -> ServiceCode.ASSET_FILE_CORRUPT;
      case IMAGE_TOO_LARGE -> ServiceCode.ASSET_IMAGE_TOO_LARGE;
      case GROUP_REQUIRED -> ServiceCode.UNIFIED_ASSET_GROUP_REQUIRED;
      case GROUP_NOT_FOUND -> ServiceCode.UNIFIED_ASSET_GROUP_NOT_FOUND;
      case LEGACY_GROUP_NOT_FOUND -> ServiceCode.ASSET_GROUP_NOT_FOUND;
      case GROUP_ACCESS_DENIED -> ServiceCode.ASSET_GROUP_ACCESS_DENIED;
      case GROUP_NOT_ACTIVE -> ServiceCode.ASSET_GROUP_NOT_ACTIVE;
      case GROUP_KIND_UNSUPPORTED -> ServiceCode.ASSET_GROUP_TYPE_UNSUPPORTED;
      case GROUP_PROVIDER_REF_MISSING -> ServiceCode.ASSET_GROUP_PROVIDER_REF_MISSING;
      case GROUP_NOT_PENDING -> ServiceCode.ASSET_GROUP_NOT_PENDING;
      case DEFAULT_GROUP_PROTECTED -> ServiceCode.ASSET_GROUP_DEFAULT_PROTECTED;
      case ASSET_NOT_FOUND -> ServiceCode.ASSET_NOT_FOUND;
      case ASSET_ACCESS_DENIED -> ServiceCode.ASSET_ACCESS_DENIED;
      case SHARE_USER_NOT_FOUND -> ServiceCode.SHARE_USER_NOT_FOUND;
      case SHARE_NOT_FOUND -> ServiceCode.SHARE_NOT_FOUND;
      case MODEL_LIMIT_EXCEEDED -> ServiceCode.ASSET_MODEL_LIMIT_EXCEEDED;
      case MODEL_UNSUPPORTED -> ServiceCode.ASSET_MODEL_UNSUPPORTED;
      case PROVIDER_REJECTED -> ServiceCode.ASSET_PROVIDER_REJECTED;
      case PROVIDER_UNAVAILABLE -> ServiceCode.ASSET_PROVIDER_UNAVAILABLE;
      case API_KEY_MISSING -> ServiceCode.AUTH_API_KEY_MISSING;
      case API_KEY_INVALID -> ServiceCode.AUTH_API_KEY_INVALID;
      case REQUEST_MALFORMED -> ServiceCode.REQUEST_MALFORMED;
      case FIELD_INVALID -> ServiceCode.REQUEST_FIELD_INVALID;
      case CONTENT_TYPE_UNSUPPORTED -> ServiceCode.REQUEST_CONTENT_TYPE_UNSUPPORTED;
      case BODY_STALLED -> ServiceCode.REQUEST_TIMEOUT;
      case NOT_FOUND -> ServiceCode.RESOURCE_NOT_FOUND;
      case RANGE_NOT_SATISFIABLE -> ServiceCode.RANGE_NOT_SATISFIABLE;
      case IDEMPOTENCY_KEY_REUSED -> ServiceCode.IDEMPOTENCY_KEY_REUSED;
      case RATE_LIMITED -> ServiceCode.RATE_LIMITED;
      case QUOTA_EXCEEDED -> ServiceCode.STORAGE_QUOTA_EXCEEDED;
      case STORAGE_FULL -> ServiceCode.STORAGE_FULL;
      case DATABASE_UNAVAILABLE -> ServiceCode.DATABASE_UNAVAILABLE;
      case STORAGE_UNAVAILABLE -> ServiceCode.STORAGE_UNAVAILABLE;
      case UPLOAD_NOT_FOUND -> ServiceCode.UPLOAD_NOT_FOUND;
      case UPLOAD_OFFSET_MISMATCH -> ServiceCode.UPLOAD_OFFSET_MISMATCH;
      case UPLOAD_LOCKED -> ServiceCode.UPLOAD_LOCKED;
      case UPLOAD_CHECKSUM_MISMATCH -> ServiceCode.UPLOAD_CHECKSUM_MISMATCH;
      case UPLOAD_CHECKSUM_UNSUPPORTED -> ServiceCode.UPLOAD_CHECKSUM_UNSUPPORTED;
      case UPLOAD_PROTOCOL_UNSUPPORTED -> ServiceCode.UPLOAD_PROTOCOL_UNSUPPORTED;
      case UPLOAD_LENGTH_EXCEEDED -> ServiceCode.UPLOAD_LENGTH_EXCEEDED;
      case UPLOAD_OPEN_LIMIT_EXCEEDED -> ServiceCode.UPLOAD_OPEN_LIMIT_EXCEEDED;
      case UPLOAD_RESERVED_BYTES_EXCEEDED -> ServiceCode.UPLOAD_RESERVED_BYTES_EXCEEDED;
      case RENDITION_PRESET_UNKNOWN -> ServiceCode.RENDITION_PRESET_UNKNOWN;
      case RENDITION_PARAMETERS_NOT_ALLOWED -> ServiceCode.RENDITION_PARAMETERS_NOT_ALLOWED;
      case RENDITION_UNSUPPORTED -> ServiceCode.RENDITION_UNSUPPORTED;
      case RENDITION_BUSY -> ServiceCode.RENDITION_BUSY;
      case RENDITION_TIMEOUT -> ServiceCode.RENDITION_TIMEOUT;
    };
  }

  /** The envelope's {@code data}: null when the failure has nothing to add. */
  public static ErrorDetails wireDetails(FailureDetails details) {
    if (details == null || details.equals(FailureDetails.none())) {
      return null;
    }
    ErrorDetails wire =
        new ErrorDetails()
            .field(details.field())
            .limitBytes(details.limitBytes())
            .limitPixels(details.limitPixels())
            .usedBytes(details.usedBytes())
            .retryAfterSeconds(details.retryAfterSeconds())
            .detectedType(details.detectedType())
            .limit(details.limit())
            .uploadOffset(details.uploadOffset());
    if (details.providerErrorCode() != null) {
      wire.providerLastError(
          new ProviderError(details.providerErrorCode()).message(details.providerErrorMessage()));
    }
    return wire;
  }
}
