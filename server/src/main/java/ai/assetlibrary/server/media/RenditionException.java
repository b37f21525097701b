package ai.assetlibrary.server.media;

/** A rendition that could not be rendered, and why. */
public final class RenditionException extends Exception {

  /** Why a rendition could not be rendered. */
  public enum Reason {
    /** The original has no picture this server can render (audio, a bitmap ImageIO reads). */
    UNSUPPORTED,
    /** Every media worker is busy and the queue is full. */
    BUSY,
    /** Rendering took longer than allowed and was stopped. */
    TIMEOUT,
    /** The original's pixels could not be decoded. */
    UNREADABLE
  }

  private final Reason reason;

  public RenditionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
