package ai.assetlibrary.server.domain;

/** A failure the caller is to hear of: what went wrong, a message for a person, and details. */
public class LibraryException extends RuntimeException {

  private final Failure failure;
  private final transient FailureDetails details;

  public LibraryException(Failure failure, String message) {
    this(failure, message, FailureDetails.none());
  }

  public LibraryException(Failure failure, String message, FailureDetails details) {
    super(message, null, false, false);
    this.failure = failure;
    this.details = details;
  }

  public Failure failure() {
    return failure;
  }

  public FailureDetails details() {
    return details;
  }

  /** A file over the upload limit of {@code limitBytes}. */
  public static LibraryException fileTooLarge(long limitBytes) {
    return new LibraryException(
        Failure.FILE_TOO_LARGE,
        "The file is larger than the upload limit of " + limitBytes + " bytes.",
        FailureDetails.limitBytes(limitBytes));
  }

  /** A field of the request has the wrong type, length or form. */
  public static LibraryException invalidField(String field, String message) {
    return new LibraryException(Failure.FIELD_INVALID, message, FailureDetails.field(field));
  }
}
