package ai.assetlibrary.server.testing;

import ai.assetlibrary.server.AssetLibrary;
import ai.assetlibrary.server.AssetServer;
import ai.assetlibrary.server.ServerConfig;
import ai.assetlibrary.server.http.ObjectMapperResolver;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.storage.BlobEntry;
import ai.assetlibrary.server.storage.StoredBlob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The real server on a free port over a temporary data directory, with an HTTP client for it. */
public final class TestServer implements AutoCloseable {

  public static final long DEFAULT_MAX_UPLOAD_BYTES = 8L * 1024 * 1024;

  private static final ObjectMapper JSON = ObjectMapperResolver.createMapper();

  private final AssetServer server;
  private final Path dataDir;

  /** Names the threads of the test's own client, whose pool grows and shrinks with its load. */
  public static final String CLIENT_THREAD = "test-client";

  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(
              Executors.newCachedThreadPool(
                  task -> {
                    Thread thread = new Thread(task, CLIENT_THREAD);
                    thread.setDaemon(true);
                    return thread;
                  }))
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TestServer(AssetServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static TestServer start(Path dataDir) {
    return start(dataDir, DEFAULT_MAX_UPLOAD_BYTES);
  }

  public static TestServer start(Path dataDir, long maxUploadBytes) {
    return start(dataDir, Map.of("ASSETS_MAX_UPLOAD_BYTES", String.valueOf(maxUploadBytes)));
  }

  /**
   * A server configured like production from {@code ASSETS_*} variables, on a free port unless they
   * name one.
   */
  public static TestServer start(Path dataDir, Map<String, String> environment) {
    return start(dataDir, environment, Clock.systemUTC());
  }

  /** The same, with the server's services reading time from {@code clock}. */
  public static TestServer start(Path dataDir, Map<String, String> environment, Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("ASSETS_MAX_UPLOAD_BYTES", String.valueOf(DEFAULT_MAX_UPLOAD_BYTES));
    env.put("ASSETS_PORT", "0");
    env.putAll(Backends.environmentFor(dataDir));
    env.putAll(environment);
    env.put("ASSETS_DATA_DIR", dataDir.toString());
    ServerConfig config = ServerConfig.fromEnvironment(env);
    try {
      return new TestServer(AssetServer.start(AssetLibrary.open(config, clock)), dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AssetLibrary library() {
    return server.library();
  }

  public int port() {
    return server.port();
  }

  public URI uri(String path) {
    return URI.create(server.publicBaseUrl() + path);
  }

  /** A new API key for the user, creating tenant and user as needed. */
  public String createKey(long tenantId, long userId, String userName) {
    return library().apiKeys().create(tenantId, userId, userName);
  }

  public HttpResponse<String> upload(String apiKey, Multipart form) {
    return send(form.postTo(uri("/v1/assets"), apiKey).build());
  }

  /** The same upload, sent under an {@code Idempotency-Key}. */
  public HttpResponse<String> upload(String apiKey, Multipart form, String idempotencyKey) {
    return send(
        form.postTo(uri("/v1/assets"), apiKey).header("Idempotency-Key", idempotencyKey).build());
  }

  /** Sends {@code method path} with the key, and {@code body} (any JSON-able value) if not null. */
  public HttpResponse<String> call(String method, String path, String apiKey, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path, String apiKey) {
    return call("GET", path, apiKey, null);
  }

  /** Uploads a small PNG into {@code groupId} and returns the record; fails unless it is 200. */
  public JsonNode uploadPng(String apiKey, String groupId, String name) {
    HttpResponse<String> response =
        upload(
            apiKey,
            Multipart.form()
                .file("file", name, "image/png", TestMedia.png(64, 48))
                .text("groupId", groupId));
    if (response.statusCode() != 200) {
      throw new AssertionError("Upload failed: " + response.body());
    }
    return json(response).get("data");
  }

  /**
   * Records a group of the demo user (tenant 1001, user 5001) in a state the server does not create
   * through its API, through the DAO.
   */
  public void storeGroup(
      String publicId,
      String name,
      String kind,
      String status,
      Long legacyId,
      String providerGroupId) {
    long now = System.currentTimeMillis();
    library()
        .records()
        .groups()
        .insert(
            new GroupRecord(
                0,
                publicId,
                1001,
                5001,
                name,
                kind,
                status,
                false,
                legacyId,
                providerGroupId,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now));
  }

  private static String toJson(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request}; the response must be one the contract allows. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      HttpContract.check(response, response.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fetches bytes; the response must be one the contract allows (bodies checked when JSON). */
  public HttpResponse<byte[]> fetch(URI uri) {
    return fetch(HttpRequest.newBuilder(uri).GET().build());
  }

  /** Sends {@code request} for bytes, checking the response as {@link #fetch(URI)} does. */
  public HttpResponse<byte[]> fetch(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      boolean json =
          response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
      HttpContract.check(
          response,
          json
              ? new String(response.body(), StandardCharsets.UTF_8)
              : response.body().length == 0 ? null : response.body().length + " bytes");
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of one Prometheus series from {@code /metrics}, named with its labels exactly as
   * exposed (e.g. {@code assets_upload_duration_seconds_count{outcome="stored"}}); 0 when absent.
   */
  public double metric(String series) {
    HttpResponse<String> response = get("/metrics", null);
    if (response.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + response.statusCode());
    }
    return response
        .body()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElse(0);
  }

  public HttpClient client() {
    return http;
  }

  public static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }

  public long assetRows() {
    return library().records().assets().count();
  }

  /** The key of every committed blob, as the blob store lists them. */
  public List<String> storedBlobs() {
    try (Stream<BlobEntry> entries = library().blobs().list()) {
      return entries.map(BlobEntry::key).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key the original of an uploaded {@code asset} is stored under, found by its URL. */
  public String storageKeyOf(JsonNode asset) {
    String url = asset.get("url").asText();
    String deliveryKey = url.substring(url.lastIndexOf('/') + 1);
    return library()
        .records()
        .deliveries()
        .assetByDeliveryKey(deliveryKey, System.currentTimeMillis())
        .orElseThrow()
        .storageKey();
  }

  /** The bytes of the committed blob under {@code key}. */
  public byte[] blobBytes(String key) {
    try {
      StoredBlob blob = library().blobs().find(key).orElseThrow();
      try (var in = blob.open(0, blob.size())) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What writes in progress or abandoned leave: staged files, and in a bucket the multipart uploads
   * begun and neither completed nor aborted.
   */
  public List<String> leftoverWrites() {
    List<String> leftovers = new java.util.ArrayList<>();
    filesUnder(incomingDir(), p -> true).forEach(p -> leftovers.add(p.toString()));
    String bucket = Backends.bucketOf(dataDir);
    if (bucket != null) {
      int unfinished = Backends.s3Server().unfinishedUploads(bucket);
      for (int i = 0; i < unfinished; i++) {
        leftovers.add("an unfinished multipart upload in " + bucket);
      }
    }
    return leftovers;
  }

  /**
   * What the spool holds of resumable uploads: files beside the blobs, or objects under {@code
   * .uploads/} in the bucket, and in a bucket the multipart uploads of unfinished ones.
   */
  public List<String> spooledUploads() {
    String bucket = Backends.bucketOf(dataDir);
    if (bucket == null) {
      return filesUnder(dataDir.resolve("blobs/.uploads"), p -> true).stream()
          .map(Path::toString)
          .toList();
    }
    List<String> spooled = new java.util.ArrayList<>();
    Backends.s3Server().objects(bucket).stream()
        .map(S3Object::key)
        .filter(k -> k.contains(".uploads/"))
        .forEach(spooled::add);
    for (int i = 0; i < Backends.s3Server().unfinishedUploads(bucket); i++) {
      spooled.add("an unfinished multipart upload in " + bucket);
    }
    return spooled;
  }

  public Path dataDir() {
    return dataDir;
  }

  private Path incomingDir() {
    return library().staging().directory();
  }

  private static List<Path> filesUnder(Path root, java.util.function.Predicate<Path> keep) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(keep).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
