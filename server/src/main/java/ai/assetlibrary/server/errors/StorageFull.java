package ai.assetlibrary.server.errors;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import java.io.IOException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write that failed for want of space: the disk (or the user's filesystem quota) is full, for the
 * blob store or for the database. The client is told so (507), not handed a 500.
 */
public final class StorageFull {

  private static final String NO_SPACE = "No space left on device";
  private static final String DISK_QUOTA = "Disk quota exceeded";

  private StorageFull() {}

  /** True when {@code e} or one of its causes is a write refused for want of space. */
  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null && mentionsNoSpace(t.getMessage())) {
        return true;
      }
      if (t instanceof SQLiteException sqlite
          && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsNoSpace(String message) {
    return message.contains(NO_SPACE) || message.contains(DISK_QUOTA);
  }

  public static LibraryException error() {
    return new LibraryException(
        Failure.STORAGE_FULL,
        "The server has no storage space left; nothing was kept. Retry later.");
  }
}
