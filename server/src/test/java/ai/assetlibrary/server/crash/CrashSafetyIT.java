package ai.assetlibrary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server ({@code java -jar}) killed with SIGKILL at random moments while clients
 * upload and delete, then restarted over the same data, again and again. After every restart: every
 * upload that was answered 200 is there with identical bytes, every answered delete stays deleted,
 * records and files match one to one, no temporary file is left (in the data directory or in the
 * JVM's temporary directory, where no decoder may cache), and SQLite's integrity check passes.
 */
class CrashSafetyIT {

  private static final int KILLS = 20;
  private static final int CLIENTS = 4;
  private static final String KEY = "sk-crash-safety-" + "k".repeat(32);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  /** The server's {@code java.io.tmpdir}. */
  @TempDir Path tmpDir;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Uploads answered 200 and not since deleted: asset id → what was sent. */
  private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();

  /** Deletes answered 200. */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  /** Deletes cut off by a kill: either outcome is correct, but it must be one of them. */
  private final Map<String, Sent> deleteOutcomeUnknown = new ConcurrentHashMap<>();

  /** Answers that are neither success nor a cut connection: none are expected. */
  private final List<String> unexpected = new ArrayList<>();

  private final AtomicLong uploadsAnswered = new AtomicLong();
  private final AtomicLong uploadsCutOff = new AtomicLong();

  /** What was uploaded: the bytes' digest and where the server serves them. */
  private record Sent(String sha256, String deliveryPath) {}

  @Test
  void everyAnsweredWriteSurvivesSigkillAndRecoveryLeavesNothingHalfWritten() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int roundsWithLeftovers = 0;
    for (int round = 0; round < KILLS; round++) {
      try (ChildServer server = start()) {
        checkEverythingAnsweredIsIntact(server);
        workUntilKilled(server, random, 2 + random.nextInt(24));
      }
      if (leftoversAfterKill() > 0) {
        roundsWithLeftovers++;
      }
      assertThat(filesIn(tmpDir)).as("files in java.io.tmpdir after a kill").isEmpty();
    }
    try (ChildServer server = start()) {
      checkEverythingAnsweredIsIntact(server);
    }

    System.out.printf(
        "Crash safety (seed %d): %d kills, %d uploads answered, %d cut off, %d deletes answered;"
            + " %d kills left partial writes or unrecorded blobs for recovery%n",
        seed,
        KILLS,
        uploadsAnswered.get(),
        uploadsCutOff.get(),
        deleted.size(),
        roundsWithLeftovers);
    assertThat(unexpected).as("answers other than success").isEmpty();
    assertThat(uploadsAnswered.get()).isGreaterThanOrEqualTo(KILLS);
  }

  private ChildServer start() throws IOException {
    return ChildServer.start(
        dataDir, KEY, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmpDir));
  }

  /** Runs the clients until {@code operations} have been answered, then kills the server. */
  private void workUntilKilled(ChildServer server, Random random, int operations)
      throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(operations);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      long clientSeed = random.nextLong();
      clients.execute(
          () -> {
            Random own = new Random(clientSeed);
            while (!killed.get()) {
              if (operate(server, own)) {
                answered.countDown();
              }
            }
          });
    }
    assertThat(answered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("operations answered before the kill")
        .isTrue();
    server.kill();
    killed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  /** One upload or delete; true when it was answered. */
  private boolean operate(ChildServer server, Random random) {
    List<String> ids = new ArrayList<>(acknowledged.keySet());
    if (!ids.isEmpty() && random.nextInt(10) < 3) {
      return delete(server, ids.get(random.nextInt(ids.size())));
    }
    return upload(server, random);
  }

  private boolean upload(ChildServer server, Random random) {
    int side = 64 + random.nextInt(256);
    // Mostly PNGs, and some JPEGs and bitmaps: every picture decoder the server has.
    int kind = random.nextInt(10);
    byte[] picture =
        kind < 7
            ? TestMedia.noisePng(side, side, random.nextLong())
            : kind < 9 ? TestMedia.jpeg(side, side + 1) : TestMedia.bmp(side, side + 1);
    String name = kind < 7 ? "noise.png" : kind < 9 ? "plain.jpg" : "plain.bmp";
    Multipart form = Multipart.form().file("file", name, "application/octet-stream", picture);
    HttpRequest request = form.postTo(server.uri("/v1/assets"), KEY).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        noteUnexpected("upload", response);
        return false;
      }
      JsonNode data = TestServer.json(response.body()).get("data");
      String path = URI.create(data.get("url").asText()).getPath();
      acknowledged.put(data.get("assetId").asText(), new Sent(TestMedia.sha256(picture), path));
      uploadsAnswered.incrementAndGet();
      return true;
    } catch (IOException e) {
      uploadsCutOff.incrementAndGet();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean delete(ChildServer server, String assetId) {
    Sent sent = acknowledged.remove(assetId);
    if (sent == null) {
      return false; // another client took it
    }
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/v1/assets/" + assetId))
            .header("Authorization", "Bearer " + KEY)
            .DELETE()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        noteUnexpected("delete", response);
        return false;
      }
      deleted.add(assetId);
      return true;
    } catch (IOException e) {
      deleteOutcomeUnknown.put(assetId, sent);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized void noteUnexpected(String what, HttpResponse<String> response) {
    unexpected.add(what + " → " + response.statusCode() + " " + response.body());
  }

  private void checkEverythingAnsweredIsIntact(ChildServer server) throws Exception {
    Map<String, Stored> records = records();
    Set<String> recordedKeys = new HashSet<>();
    records.values().forEach(r -> recordedKeys.addAll(r.keys()));

    assertThat(integrityCheck()).isEqualTo("ok");
    // The start-up recovery runs in the background while the server serves; nothing else writes.
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while ((!filesIn(dataDir.resolve("blobs/.incoming")).isEmpty()
            || !blobKeys().equals(recordedKeys))
        && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling the data directory for the server's progress
    }
    assertThat(filesIn(dataDir.resolve("blobs/.incoming"))).as("temporary files").isEmpty();
    assertThat(blobKeys()).as("files and records match").isEqualTo(recordedKeys);
    for (Stored record : records.values()) {
      Path file = dataDir.resolve("blobs").resolve(record.storageKey());
      assertThat(TestMedia.sha256(Files.readAllBytes(file)))
          .as("bytes of %s", record.assetId())
          .isEqualTo(record.sha256());
    }

    deleteOutcomeUnknown.forEach(
        (assetId, sent) -> {
          if (records.containsKey(assetId)) {
            acknowledged.put(assetId, sent);
          } else {
            deleted.add(assetId);
          }
        });
    deleteOutcomeUnknown.clear();
    for (Map.Entry<String, Sent> upload : acknowledged.entrySet()) {
      assertThat(records).as("answered upload %s", upload.getKey()).containsKey(upload.getKey());
      HttpResponse<byte[]> served =
          http.send(
              HttpRequest.newBuilder(server.uri(upload.getValue().deliveryPath())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(TestMedia.sha256(served.body())).isEqualTo(upload.getValue().sha256());
    }
    for (String assetId : deleted) {
      assertThat(records).as("answered delete %s", assetId).doesNotContainKey(assetId);
    }
  }

  /** Temporary files and blobs without a record, as the kill left them. */
  private int leftoversAfterKill() throws Exception {
    Set<String> unrecorded = blobKeys();
    records().values().forEach(r -> unrecorded.removeAll(r.keys()));
    return filesIn(dataDir.resolve("blobs/.incoming")).size() + unrecorded.size();
  }

  /** An asset record as stored. */
  private record Stored(String assetId, String storageKey, String thumbnailKey, String sha256) {
    Set<String> keys() {
      return thumbnailKey == null ? Set.of(storageKey) : Set.of(storageKey, thumbnailKey);
    }
  }

  private Map<String, Stored> records() throws SQLException {
    Map<String, Stored> records = new HashMap<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT asset_id, storage_key, thumbnail_storage_key, sha256 FROM assets")) {
      while (rows.next()) {
        records.put(
            rows.getString(1),
            new Stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return records;
  }

  private String integrityCheck() throws SQLException {
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet result = query.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("assets.db"));
  }

  private Set<String> blobKeys() throws IOException {
    Path blobs = dataDir.resolve("blobs");
    Set<String> keys = new HashSet<>();
    for (Path file : filesIn(blobs)) {
      if (!file.startsWith(blobs.resolve(".incoming"))) {
        keys.add(blobs.relativize(file).toString().replace('\\', '/'));
      }
    }
    return keys;
  }

  private static List<Path> filesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
