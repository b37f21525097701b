package ai.assetlibrary.server.upload;

import java.io.IOException;

/** Why a multipart body could not be read: it breaks the format, or a limit. */
abstract sealed class MultipartException extends IOException {

  private MultipartException(String message) {
    super(message);
  }

  /** The body does not follow the multipart format. */
  static final class Malformed extends MultipartException {
    Malformed(String message) {
      super(message);
    }
  }

  /** The body, or the headers of one part, are longer than allowed. */
  static final class TooLarge extends MultipartException {
    private final long permitted;

    TooLarge(long permitted) {
      super("More than " + permitted + " bytes");
      this.permitted = permitted;
    }

    long permitted() {
      return permitted;
    }
  }
}
