package ai.assetlibrary.server.vips;

/** A libvips operation failed; the message is libvips' own, with file paths left out. */
public final class VipsException extends Exception {

  public VipsException(String message) {
    super(message);
  }
}
