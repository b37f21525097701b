package ai.assetlibrary.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Where SQLite's native library is loaded from: one file per driver version in the data directory,
 * written once and reused by every later start, instead of a fresh copy per process in {@code
 * java.io.tmpdir} that a killed process would leave behind.
 */
final class SqliteNativeLibrary {

  private SqliteNativeLibrary() {}

  /** Points the driver at its library in {@code directory}, writing the file there if missing. */
  static void useDirectory(Path directory) {
    String name = System.mapLibraryName("sqlitejdbc");
    String resource =
        "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path versioned = directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
    Path library = versioned.resolve(name);
    try (InputStream bundled = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
      if (bundled == null) {
        return; // no library bundled for this platform: the driver looks on java.library.path
      }
      if (!Files.isRegularFile(library)) {
        Files.createDirectories(versioned);
        Path partial = Files.createTempFile(versioned, name, ".partial");
        try {
          Files.copy(bundled, partial, StandardCopyOption.REPLACE_EXISTING);
          // Another process may have written the same bytes meanwhile; either copy will do.
          Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Writing SQLite's native library to " + versioned + " failed", e);
    }
    System.setProperty("org.sqlite.lib.path", versioned.toString());
    System.setProperty("org.sqlite.lib.name", name);
  }
}
