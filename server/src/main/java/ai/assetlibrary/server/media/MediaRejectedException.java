package ai.assetlibrary.server.media;

/** The file must not be stored: its bytes do not parse as its type, or it is absurdly large. */
public final class MediaRejectedException extends Exception {

  /** Why a file was refused. */
  public enum Reason {
    CORRUPT,
    TOO_MANY_PIXELS
  }

  private final Reason reason;

  public MediaRejectedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
