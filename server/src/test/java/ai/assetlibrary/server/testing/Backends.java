package ai.assetlibrary.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The backends the tests' servers run on. By default the embedded one (SQLite and files in the data
 * directory); with {@code -Dassets.test.database=postgresql} the records live in a real PostgreSQL,
 * and with {@code -Dassets.test.storage=s3} the bytes in a real S3 server (S3Proxy), each started
 * once per test JVM; every data directory gets a database and a bucket of its own, so the same
 * suite runs on both.
 */
public final class Backends {

  /** The tag of tests about what only the embedded backend has (a data directory lock, say). */
  public static final String EMBEDDED_ONLY = "embedded-only";

  /** {@code sqlite} (the default) or {@code postgresql}. */
  public static final String DATABASE = "assets.test.database";

  /** {@code filesystem} (the default) or {@code s3}. */
  public static final String STORAGE = "assets.test.storage";

  private static final Map<Path, String> DATABASES = new HashMap<>();
  private static final Map<Path, String> BUCKETS = new HashMap<>();
  private static EmbeddedPostgres postgres;
  private static Path postgresDirectory;
  private static int postgresPort;
  private static S3Server s3;

  private Backends() {}

  /** Whether the records live in PostgreSQL. */
  public static boolean postgresql() {
    return "postgresql".equals(System.getProperty(DATABASE, "sqlite"));
  }

  /** Whether the bytes live in an S3 bucket. */
  public static boolean s3() {
    return "s3".equals(System.getProperty(STORAGE, "filesystem"));
  }

  /** The S3 server of this JVM, started on first use. */
  public static synchronized S3Server s3Server() {
    if (s3 == null) {
      s3 = S3Server.start();
      S3Server started = s3;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return s3;
  }

  /** The bucket of the server over {@code dataDir}, when the bytes live in S3. */
  public static synchronized String bucketOf(Path dataDir) {
    return BUCKETS.get(dataDir);
  }

  /**
   * The {@code ASSETS_*} variables that put a server over {@code dataDir} on the backend under
   * test: always the same for the same directory, so a restart finds its data again.
   */
  public static synchronized Map<String, String> environmentFor(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    if (postgresql()) {
      String database = DATABASES.computeIfAbsent(dataDir, dir -> createDatabase());
      env.put("ASSETS_DATABASE_URL", postgres().getJdbcUrl("postgres", database));
      env.put("ASSETS_DATABASE_POOL_SIZE", "8");
    }
    if (s3()) {
      String bucket = BUCKETS.computeIfAbsent(dataDir, dir -> s3Server().createBucket());
      env.putAll(s3Server().environment(bucket));
    }
    return env;
  }

  /**
   * The {@code ASSETS_*} variables of a new shared backend, whatever the build asked for: a fresh
   * PostgreSQL database and a fresh bucket, for several instances to share.
   */
  public static synchronized Map<String, String> newSharedBackend() {
    Map<String, String> env = new HashMap<>(s3Server().environment(s3Server().createBucket()));
    env.put("ASSETS_DATABASE_URL", newPostgresDatabase());
    env.put("ASSETS_DATABASE_POOL_SIZE", "8");
    return env;
  }

  /** The JDBC URL (with its user) of a new, empty database in this JVM's PostgreSQL. */
  public static synchronized String newPostgresDatabase() {
    return postgres().getJdbcUrl("postgres", createDatabase());
  }

  /** Drops what {@link #environmentFor} made for {@code dataDir}. */
  public static synchronized void discard(Path dataDir) {
    String database = DATABASES.remove(dataDir);
    if (database != null) {
      execute("DROP DATABASE " + database + " WITH (FORCE)");
    }
    String bucket = BUCKETS.remove(dataDir);
    if (bucket != null) {
      s3Server().deleteBucket(bucket);
    }
  }

  private static String createDatabase() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + name);
    return name;
  }

  private static void execute(String sql) {
    try (Connection connection = postgres().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgresDirectory = Files.createTempDirectory("postgres");
        postgresPort = freePort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      startPostgres();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      stopPostgres();
                    } finally {
                      Directories.deleteRecursively(postgresDirectory);
                    }
                  }));
    }
    return postgres;
  }

  /** Stops the PostgreSQL of this JVM; its databases stay, for {@link #startPostgres}. */
  public static synchronized void stopPostgres() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts it (again), on the same port, over the same databases. */
  public static synchronized void startPostgres() {
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(postgresDirectory)
              .setCleanDataDirectory(false)
              // Stopped by this class's own hook, which then removes the data directory.
              .setRegisterShutdownHook(false)
              .setPort(postgresPort)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
