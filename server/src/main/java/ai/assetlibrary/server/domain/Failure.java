package ai.assetlibrary.server.domain;

/**
 * What went wrong, in the library's own terms. The HTTP edge gives each its status and the
 * contract's {@code serviceCode} ({@code errors.FailureCodes}); nothing below it knows either.
 */
public enum Failure {
  /** A library upload without a file. */
  FILE_REQUIRED,
  /** A legacy provider upload without a file. */
  LEGACY_FILE_REQUIRED,
  FILE_EMPTY,
  FILE_TYPE_UNSUPPORTED,
  FILE_TOO_LARGE,
  /** The bytes do not parse as their detected type. */
  FILE_CORRUPT,
  /** A picture declaring more pixels than allowed. */
  IMAGE_TOO_LARGE,
  /** {@code model} given without a group. */
  GROUP_REQUIRED,
  GROUP_NOT_FOUND,
  /** No legacy provider group of that id for the caller. */
  LEGACY_GROUP_NOT_FOUND,
  GROUP_ACCESS_DENIED,
  GROUP_NOT_ACTIVE,
  /** The group's kind does not take this upload. */
  GROUP_KIND_UNSUPPORTED,
  GROUP_PROVIDER_REF_MISSING,
  /** Only a RealFace group awaiting verification has a link to refresh. */
  GROUP_NOT_PENDING,
  /** The default group cannot be deleted or shared. */
  DEFAULT_GROUP_PROTECTED,
  ASSET_NOT_FOUND,
  ASSET_ACCESS_DENIED,
  SHARE_USER_NOT_FOUND,
  SHARE_NOT_FOUND,
  MODEL_LIMIT_EXCEEDED,
  MODEL_UNSUPPORTED,
  PROVIDER_REJECTED,
  PROVIDER_UNAVAILABLE,
  API_KEY_MISSING,
  API_KEY_INVALID,
  /** The request's body cannot be parsed. */
  REQUEST_MALFORMED,
  /** One field of the request has the wrong type, length or form. */
  FIELD_INVALID,
  /** The request body is not of a type the operation takes. */
  CONTENT_TYPE_UNSUPPORTED,
  /** The request body stopped arriving. */
  BODY_STALLED,
  /** No delivery URL, route or resource of that name. */
  NOT_FOUND,
  RANGE_NOT_SATISFIABLE,
  IDEMPOTENCY_KEY_REUSED,
  RATE_LIMITED,
  QUOTA_EXCEEDED,
  /** No space left for bytes or records. */
  STORAGE_FULL,
  /** The database cannot be reached. */
  DATABASE_UNAVAILABLE,
  /** The blob storage cannot be reached, or keeps failing. */
  STORAGE_UNAVAILABLE,
  /** No resumable upload of that id belongs to the caller. */
  UPLOAD_NOT_FOUND,
  /** An append at another offset than the upload holds. */
  UPLOAD_OFFSET_MISMATCH,
  /** Another request is appending to the upload. */
  UPLOAD_LOCKED,
  UPLOAD_CHECKSUM_MISMATCH,
  UPLOAD_CHECKSUM_UNSUPPORTED,
  /** Neither tus 1.0.0 nor a supported interop version of the IETF draft. */
  UPLOAD_PROTOCOL_UNSUPPORTED,
  /** Bytes past the upload's declared length. */
  UPLOAD_LENGTH_EXCEEDED,
  UPLOAD_OPEN_LIMIT_EXCEEDED,
  UPLOAD_RESERVED_BYTES_EXCEEDED,
  /** A rendition preset the server does not name. */
  RENDITION_PRESET_UNKNOWN,
  /** Rendition parameters where the server renders its presets only. */
  RENDITION_PARAMETERS_NOT_ALLOWED,
  /** Rendition parameters on content that has no renditions (audio, a thumbnail). */
  RENDITION_UNSUPPORTED,
  /** Every media worker is busy and the rendition queue is full. */
  RENDITION_BUSY,
  /** Rendering took longer than allowed and was stopped. */
  RENDITION_TIMEOUT
}
