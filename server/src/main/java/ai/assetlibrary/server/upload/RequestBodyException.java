package ai.assetlibrary.server.upload;

import java.io.IOException;

/** Reading the client's request body failed: the client went away or stopped mid-body. */
public final class RequestBodyException extends IOException {

  public RequestBodyException(IOException cause) {
    super("The request body could not be read: " + cause.getMessage(), cause);
  }
}
