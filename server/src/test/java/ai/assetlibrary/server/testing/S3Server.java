package ai.assetlibrary.server.testing;

import ai.assetlibrary.server.storage.s3.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for the tests: S3Proxy over a directory, in a process of its own (the build puts
 * its jar at {@code -Ds3proxy.jar}), that can be stopped and started again over the same objects.
 */
public final class S3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final S3Client client;
  private Process process;

  private S3Server(Path directory, int port) {
    this.directory = directory;
    this.port = port;
    this.client =
        S3Clients.create(
            Optional.of(endpoint()),
            "us-east-1",
            Optional.of(ACCESS_KEY),
            Optional.of(SECRET_KEY),
            true);
  }

  /** Starts one on a free port over a new temporary directory. */
  public static S3Server start() {
    try {
      S3Server server = new S3Server(Files.createTempDirectory("s3proxy"), freePort());
      server.startProcess();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The {@code ASSETS_*} variables of a server storing its bytes in {@code bucket}. */
  public Map<String, String> environment(String bucket) {
    return Map.of(
        "ASSETS_STORAGE",
        "s3",
        "ASSETS_S3_BUCKET",
        bucket,
        "ASSETS_S3_ENDPOINT",
        endpoint().toString(),
        "ASSETS_S3_ACCESS_KEY",
        ACCESS_KEY,
        "ASSETS_S3_SECRET_KEY",
        SECRET_KEY,
        "ASSETS_S3_PATH_STYLE",
        "true");
  }

  /** A new, empty bucket. */
  public String createBucket() {
    String bucket = "test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    client.createBucket(request -> request.bucket(bucket));
    return bucket;
  }

  /** Removes the bucket and everything in it. */
  public void deleteBucket(String bucket) {
    objects(bucket).forEach(object -> client.deleteObject(r -> r.bucket(bucket).key(object.key())));
    client
        .listMultipartUploads(r -> r.bucket(bucket))
        .uploads()
        .forEach(
            u ->
                client.abortMultipartUpload(
                    r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
    client.deleteBucket(request -> request.bucket(bucket));
  }

  public List<S3Object> objects(String bucket) {
    return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().toList();
  }

  /** Multipart uploads begun in the bucket and neither completed nor aborted. */
  public int unfinishedUploads(String bucket) {
    return client.listMultipartUploads(r -> r.bucket(bucket)).uploads().size();
  }

  public S3Client client() {
    return client;
  }

  /** Stops the server; its objects stay, for {@link #restart}. */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Starts it again on the same port, over the same objects. */
  public void restart() {
    stop();
    startProcess();
  }

  @Override
  public void close() {
    stop();
    client.close();
    Directories.deleteRecursively(directory);
  }

  private void startProcess() {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "S3Proxy's jar is needed (-Ds3proxy.jar, which the build sets): " + jar);
    }
    try {
      Path properties = directory.resolve("s3proxy.properties");
      Files.createDirectories(directory.resolve("data"));
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint(),
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "s3proxy.ignore-unknown-headers=true",
              "jclouds.provider=filesystem-nio2",
              "jclouds.filesystem.basedir=" + directory.resolve("data"),
              ""));
      process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-jar",
                  jar,
                  "--properties",
                  properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("s3proxy.log").toFile())
              .start();
      awaitListening();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited; see " + directory.resolve("s3proxy.log"));
      }
      try {
        http.send(
            HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT);
  }

  /** Waiting for another process to open its port: there is nothing to wait on but time. */
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
