package ai.assetlibrary.server.storage;

import java.io.IOException;

/** A blob that was there a moment ago is gone (deleted meanwhile). */
public final class BlobMissingException extends IOException {

  public BlobMissingException(String key, Throwable cause) {
    super("No blob under " + key, cause);
  }
}
