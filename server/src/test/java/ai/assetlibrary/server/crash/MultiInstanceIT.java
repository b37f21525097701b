package ai.assetlibrary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.FakeModelArk;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.S3Server;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged servers on one PostgreSQL and one bucket, as behind a load balancer: clients upload
 * through either, read each other's assets through the other, and delete; one of the two is killed
 * with SIGKILL under load, again and again, and started again. Throughout, every upload answered
 * 200 is served by both with identical bytes and every answered delete stays deleted; at the end,
 * records and objects match one to one, each object's SHA-256 is its record's, no multipart upload
 * is left unfinished, and no blob removal is still owed. A third of the uploads go into a Virtual
 * Portrait group, registered with a fake provider in the background by whichever instance holds the
 * job: at the end the provider holds each of them exactly once, and nothing that was deleted.
 */
class MultiInstanceIT {

  private static final int KILLS = 8;
  private static final int CLIENTS = 4;
  private static final String KEY = "sk-multi-instance-" + "k".repeat(30);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /**
   * Long enough for a killed instance's job leases to expire (30 s), a registration whose answer
   * was lost to settle (60 s), and another instance to take the work.
   */
  private static final Duration PROVIDER_PATIENCE = Duration.ofSeconds(150);

  @TempDir Path dataDirA;
  @TempDir Path dataDirB;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, String> shared = Backends.newSharedBackend();
  private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Map<String, Sent> deleteOutcomeUnknown = new ConcurrentHashMap<>();
  private final List<String> unexpected = new ArrayList<>();
  private final AtomicLong uploadsAnswered = new AtomicLong();
  private final AtomicLong readsAcross = new AtomicLong();
  private final AtomicLong portraitUploads = new AtomicLong();
  private final ChildServer[] servers = new ChildServer[2];
  private final FakeModelArk provider = new FakeModelArk();
  private volatile String portraitGroup;

  private record Sent(String sha256, String deliveryPath) {}

  @Test
  void twoInstancesServeOneLibraryAndAKilledOneLosesNothing() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    provider.start();
    servers[0] = start(0, Map.of());
    servers[1] = start(1, Map.of());
    try {
      portraitGroup = createPortraitGroup(servers[0]);
      for (int round = 0; round < KILLS; round++) {
        workThenKill(random, round % 2, 4 + random.nextInt(20));
        servers[round % 2] = start(round % 2, Map.of());
        checkEverythingAnsweredIsServedByBoth();
      }
    } finally {
      servers[0].close();
      servers[1].close();
    }
    // Alone, with no upload in flight, every blob without a record may go at once.
    try (ChildServer last = start(0, Map.of("ASSETS_ORPHAN_GRACE_SECONDS", "0"))) {
      servers[0] = last;
      servers[1] = last;
      checkEverythingAnsweredIsServedByBoth();
      checkRecordsAndObjectsMatch();
      checkTheProviderHoldsEachRegisteredAssetOnce();
    } finally {
      provider.stop();
    }

    System.out.printf(
        "Multi-instance (seed %d): %d kills, %d uploads answered (%d for the provider), %d deletes"
            + " answered, %d reads through the other instance%n",
        seed,
        KILLS,
        uploadsAnswered.get(),
        portraitUploads.get(),
        deleted.size(),
        readsAcross.get());
    assertThat(unexpected).as("answers other than success").isEmpty();
    assertThat(uploadsAnswered.get()).isGreaterThanOrEqualTo(KILLS);
    assertThat(readsAcross.get()).isPositive();
    assertThat(portraitUploads.get()).isPositive();
  }

  private ChildServer start(int index, Map<String, String> more) throws IOException {
    Map<String, String> env = new HashMap<>(shared);
    env.putAll(provider.environment());
    env.put("ASSETS_PROVIDER_POLL_SECONDS", "1");
    env.putAll(more);
    return ChildServer.start(index == 0 ? dataDirA : dataDirB, KEY, env);
  }

  /** Clients use both instances until {@code operations} are answered; then one is killed. */
  private void workThenKill(Random random, int victim, int operations) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(operations);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      long clientSeed = random.nextLong();
      clients.execute(
          () -> {
            Random own = new Random(clientSeed);
            while (!killed.get()) {
              if (operate(own, killed)) {
                answered.countDown();
              }
            }
          });
    }
    assertThat(answered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    killed.set(true);
    servers[victim].kill();
    clients.shutdown();
    assertThat(clients.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  /** An upload, a read through the other instance, or a delete; true when answered. */
  private boolean operate(Random random, AtomicBoolean killed) {
    int through = random.nextInt(2);
    List<String> ids = new ArrayList<>(acknowledged.keySet());
    int choice = random.nextInt(10);
    try {
      if (!ids.isEmpty() && choice < 2) {
        return delete(servers[through], ids.get(random.nextInt(ids.size())));
      }
      if (!ids.isEmpty() && choice < 5) {
        return readAcross(servers[1 - through], ids.get(random.nextInt(ids.size())));
      }
      return upload(servers[through], random);
    } catch (IOException e) {
      return false; // the connection was cut by the kill
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killed.set(true);
      return false;
    }
  }

  private boolean upload(ChildServer server, Random random)
      throws IOException, InterruptedException {
    int side = 48 + random.nextInt(200);
    byte[] png = TestMedia.noisePng(side, side, random.nextLong());
    boolean forTheProvider = random.nextInt(3) == 0;
    Multipart form = Multipart.form().file("file", "noise.png", "image/png", png);
    if (forTheProvider) {
      form.text("groupId", portraitGroup);
    }
    HttpRequest request = form.postTo(server.uri("/v1/assets"), KEY).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      noteUnexpected("upload", response);
      return false;
    }
    JsonNode data = TestServer.json(response.body()).get("data");
    String path = URI.create(data.get("url").asText()).getPath();
    acknowledged.put(data.get("assetId").asText(), new Sent(TestMedia.sha256(png), path));
    uploadsAnswered.incrementAndGet();
    if (forTheProvider) {
      portraitUploads.incrementAndGet();
    }
    return true;
  }

  /** Reads, through {@code server}, an asset that may have been uploaded through the other. */
  private boolean readAcross(ChildServer server, String assetId)
      throws IOException, InterruptedException {
    Sent sent = acknowledged.get(assetId);
    if (sent == null) {
      return false;
    }
    HttpResponse<byte[]> served =
        http.send(
            HttpRequest.newBuilder(server.uri(sent.deliveryPath())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (served.statusCode() == 404 && !acknowledged.containsKey(assetId)) {
      return false; // deleted meanwhile by another client
    }
    if (served.statusCode() != 200 || !TestMedia.sha256(served.body()).equals(sent.sha256())) {
      noteUnexpectedRead(assetId, served.statusCode());
      return false;
    }
    readsAcross.incrementAndGet();
    return true;
  }

  private boolean delete(ChildServer server, String assetId)
      throws IOException, InterruptedException {
    Sent sent = acknowledged.remove(assetId);
    if (sent == null) {
      return false;
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
      throw e;
    }
  }

  private synchronized void noteUnexpectedRead(String assetId, int status) {
    unexpected.add("read of " + assetId + " through the other instance → " + status);
  }

  private synchronized void noteUnexpected(String what, HttpResponse<String> response) {
    unexpected.add(what + " → " + response.statusCode() + " " + response.body());
  }

  private void checkEverythingAnsweredIsServedByBoth() throws Exception {
    Map<String, String> records = records();
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
      for (ChildServer server : servers) {
        HttpResponse<byte[]> served =
            http.send(
                HttpRequest.newBuilder(server.uri(upload.getValue().deliveryPath())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(TestMedia.sha256(served.body())).isEqualTo(upload.getValue().sha256());
      }
    }
    for (String assetId : deleted) {
      assertThat(records).as("answered delete %s", assetId).doesNotContainKey(assetId);
    }
  }

  private void checkRecordsAndObjectsMatch() throws Exception {
    S3Server s3 = Backends.s3Server();
    String bucket = shared.get("ASSETS_S3_BUCKET");
    Map<String, String> digests = objectDigests();
    Set<String> objects = new HashSet<>();
    // The start-up recovery runs in the background while the instance serves.
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      objects.clear();
      s3.objects(bucket).forEach(object -> objects.add(object.key()));
      boolean settled =
          objects.equals(digests.keySet()) && count("SELECT count(*) FROM blob_deletions") == 0;
      if (settled || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(100); // polling the bucket for another process's progress
    }

    assertThat(objects).as("objects and records match").isEqualTo(digests.keySet());
    for (Map.Entry<String, String> object : digests.entrySet()) {
      try (InputStream in = s3.client().getObject(r -> r.bucket(bucket).key(object.getKey()))) {
        assertThat(TestMedia.sha256(in.readAllBytes()))
            .as("bytes of %s", object.getKey())
            .isEqualTo(object.getValue());
      }
    }
    assertThat(s3.unfinishedUploads(bucket)).as("unfinished multipart uploads").isZero();
    assertThat(count("SELECT count(*) FROM blob_deletions")).as("removals owed").isZero();
  }

  private String createPortraitGroup(ChildServer server) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.uri("/v1/asset-groups"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"Characters\", \"groupKind\": \"VIRTUAL_PORTRAIT\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response.body()).at("/data/groupId").asText();
  }

  /**
   * Once the background work is done (every asset for the provider registered, every delete owed to
   * it made), the provider holds exactly the assets the records name: none twice, none deleted.
   */
  private void checkTheProviderHoldsEachRegisteredAssetOnce() throws Exception {
    long deadline = System.nanoTime() + PROVIDER_PATIENCE.toNanos();
    while (count(
                "SELECT count(*) FROM assets WHERE provider_group_id IS NOT NULL"
                    + " AND byteplus_asset_id IS NULL AND status = 'processing'")
            + count("SELECT count(*) FROM provider_deletions")
        > 0) {
      assertThat(System.nanoTime()).as("provider work done in time").isLessThan(deadline);
      Thread.sleep(100); // polling the shared database for another process's progress
    }
    Set<String> registered = new HashSet<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT byteplus_asset_id FROM assets WHERE provider_group_id IS NOT NULL")) {
      while (rows.next()) {
        registered.add(rows.getString(1));
      }
    }
    assertThat(registered).as("every asset for the provider registered").doesNotContainNull();
    assertThat(provider.heldAssets().keySet()).as("assets at the provider").isEqualTo(registered);
  }

  /** Public id → storage key of every asset record. */
  private Map<String, String> records() throws SQLException {
    Map<String, String> records = new HashMap<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT asset_id, storage_key FROM assets")) {
      while (rows.next()) {
        records.put(rows.getString(1), rows.getString(2));
      }
    }
    return records;
  }

  /** Storage key → SHA-256 of every blob a record names (files, and thumbnails). */
  private Map<String, String> objectDigests() throws SQLException {
    Map<String, String> digests = new HashMap<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT storage_key, sha256, thumbnail_storage_key, thumbnail_sha256 FROM assets")) {
      while (rows.next()) {
        digests.put(rows.getString(1), rows.getString(2));
        if (rows.getString(3) != null) {
          digests.put(rows.getString(3), rows.getString(4));
        }
      }
    }
    return digests;
  }

  private long count(String sql) throws SQLException {
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(shared.get("ASSETS_DATABASE_URL"));
  }
}
