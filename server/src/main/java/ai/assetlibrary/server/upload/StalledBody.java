package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * A request body that stopped arriving: the listener's blocking read gave up after the read
 * timeout. The client is told so (408), not handed a 500.
 */
public final class StalledBody {

  private StalledBody() {}

  /** True when {@code e} or one of its causes is a read that timed out. */
  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  public static LibraryException error() {
    return new LibraryException(
        Failure.BODY_STALLED, "The request body stopped arriving before it was complete.");
  }
}
