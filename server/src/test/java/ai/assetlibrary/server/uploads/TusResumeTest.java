package ai.assetlibrary.server.uploads;

import static ai.assetlibrary.server.uploads.TusClient.location;
import static ai.assetlibrary.server.uploads.TusClient.metadata;
import static ai.assetlibrary.server.uploads.TusClient.offset;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.storage.BlobEntry;
import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resuming: across server restarts (the digest of the bytes so far is then read back from the
 * store), after a body cut off midway (what arrived is kept), with two appends at once (one waits
 * its turn), and after expiry (the upload and its bytes are gone).
 */
class TusResumeTest extends ServerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void anUploadContinuedAfterEachRestartEndsInTheSameBytes() throws Exception {
    byte[] file = TestMedia.wav(460);
    assertThat(file.length).isGreaterThan(7 << 20);
    String upload =
        location(new TusClient(server, key).create(file.length, metadata("filename", "a.wav")))
            .getPath();
    int chunk = 3 << 20;
    for (int from = 0; from < file.length; from += chunk) {
      TusClient tus = new TusClient(app.restart(Map.of()), key);
      server = app.server();
      assertThat(offset(tus.head(server.uri(upload)))).isEqualTo(from);
      byte[] bytes = Arrays.copyOfRange(file, from, Math.min(file.length, from + chunk));
      HttpResponse<String> appended = tus.patch(server.uri(upload), from, bytes);
      assertThat(appended.statusCode()).as(appended.body()).isEqualTo(204);
    }
    JsonNode asset =
        TestServer.json(new TusClient(server, key).get(server.uri(upload))).get("data");
    assertThat(asset.get("sizeBytes").asLong()).isEqualTo(file.length);
    assertThat(server.fetch(URI.create(asset.get("url").asText())).body()).isEqualTo(file);
    assertThat(server.spooledUploads()).isEmpty();
  }

  @Test
  void aBodyCutOffMidwayKeepsWhatArrivedAndTheUploadResumesFromThere() throws Exception {
    byte[] png = TestMedia.noisePng(400, 300, 3);
    TusClient tus = new TusClient(server, key);
    URI upload = location(tus.create(png.length, null));
    int sent = png.length / 2;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = startPatch(socket, upload, png.length);
      out.write(png, 0, sent);
      out.flush();
    }
    assertThat(server.library().resumableUploads().appendsAnswered().await(1, PATIENCE)).isTrue();
    long held = offset(tus.head(upload));
    assertThat(held).isBetween(1L, (long) sent);

    HttpResponse<String> rest =
        tus.patch(upload, held, Arrays.copyOfRange(png, (int) held, png.length));
    assertThat(rest.statusCode()).isEqualTo(204);
    JsonNode asset = TestServer.json(tus.get(upload)).get("data");
    assertThat(server.fetch(URI.create(asset.get("url").asText())).body()).isEqualTo(png);
  }

  @Test
  void ofTwoAppendsAtOnceOneProceedsAndTheOtherIsToldToWait() throws Exception {
    byte[] png = TestMedia.noisePng(400, 300, 5);
    TusClient tus = new TusClient(server, key);
    URI upload = location(tus.create(png.length, null));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = startPatch(socket, upload, png.length);
      out.write(png, 0, 100);
      out.flush();
      assertThat(server.library().resumableUploads().appendsStarted().await(1, PATIENCE)).isTrue();
      HttpResponse<String> second = tus.patch(upload, 0, new byte[] {1});
      assertThat(second.statusCode()).isEqualTo(423);
      assertThat(TestServer.json(second).get("serviceCode").asText()).isEqualTo("UPLOAD_LOCKED");
      assertThat(tus.head(upload).statusCode()).isEqualTo(423);
      out.write(png, 100, png.length - 100);
      out.flush();
      assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 204");
    }
    assertThat(offset(tus.head(upload))).isEqualTo(png.length);
    assertThat(tus.get(upload).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnfinishedUploadExpiresWithItsBytesAndAFinishedOnesAssetStays() {
    byte[] png = TestMedia.png(64, 48);
    TusClient tus = new TusClient(server, key);
    URI unfinished = location(tus.create(png.length, null));
    HttpResponse<String> created = tus.create(png.length, null);
    assertThat(created.headers().firstValue("Upload-Expires").orElseThrow()).endsWith(" GMT");
    tus.patch(unfinished, 0, Arrays.copyOf(png, 40));
    URI finished = location(created);
    String assetId =
        tus.patch(finished, 0, png).headers().firstValue("Upload-Asset-Id").orElseThrow();

    app.clock().advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(tus.head(unfinished).statusCode()).isEqualTo(404);
    assertThat(server.library().resumableUploads().sweepExpired()).isEqualTo(2);
    assertThat(tus.get(finished).statusCode()).isEqualTo(404);
    assertThat(server.get("/v1/assets/" + assetId, key).statusCode()).isEqualTo(200);
    assertThat(server.get("/metrics", null).body())
        .contains("assets_resumable_uploads_total{outcome=\"expired\"} 1.0");
  }

  @Test
  void aFinishedUploadsBlobIsNewToTheOrphanSweepHoweverLongAgoItsBytesArrived() throws Exception {
    byte[] png = TestMedia.png(64, 48);
    TusClient tus = new TusClient(server, key);
    URI upload = location(tus.create(png.length, null));
    tus.patch(upload, 0, Arrays.copyOf(png, 40));
    Instant finishing = Instant.now().minusSeconds(1);
    if (Backends.bucketOf(server.dataDir()) == null) {
      try (Stream<Path> spooled = Files.list(server.dataDir().resolve("blobs/.uploads"))) {
        for (Path file : spooled.toList()) {
          Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        }
      }
    }
    String assetId =
        tus.patch(upload, 40, Arrays.copyOfRange(png, 40, png.length))
            .headers()
            .firstValue("Upload-Asset-Id")
            .orElseThrow();

    try (Stream<BlobEntry> blobs = server.library().blobs().list()) {
      assertThat(blobs.toList())
          .isNotEmpty()
          .allSatisfy(blob -> assertThat(blob.lastModified()).isAfter(finishing));
    }
    assertThat(server.library().orphans().sweep(Duration.ofHours(1)).orphanBlobs()).isZero();
    assertThat(server.get("/v1/assets/" + assetId, key).statusCode()).isEqualTo(200);
  }

  @Test
  void aCreationWhoseFirstBytesAreRefusedLeavesNoUploadBehind() {
    byte[] png = TestMedia.png(64, 48);
    TusClient tus = new TusClient(server, key);
    HttpResponse<String> refused =
        tus.createWith(png.length - 1, TusClient.metadata("filename", "a.png"), png);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(server.library().records().uploads().countOpen(5001)).isZero();
    assertThat(server.spooledUploads()).isEmpty();
  }

  @Test
  void aUserMayHoldOnlySoManyUnfinishedUploadsAndReservedBytes() {
    TusClient tus =
        new TusClient(
            app.restart(
                Map.of("ASSETS_UPLOAD_MAX_OPEN", "2", "ASSETS_UPLOAD_MAX_RESERVED_BYTES", "1000")),
            key);
    URI first = location(tus.create(400, null));
    HttpResponse<String> overReserved = tus.create(601, null);
    assertThat(overReserved.statusCode()).isEqualTo(507);
    assertThat(TestServer.json(overReserved).get("serviceCode").asText())
        .isEqualTo("UPLOAD_RESERVED_BYTES_EXCEEDED");
    tus.create(600, null);
    HttpResponse<String> third = tus.create(1, null);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(TestServer.json(third).get("serviceCode").asText())
        .isEqualTo("UPLOAD_OPEN_LIMIT_EXCEEDED");
    assertThat(tus.delete(first).statusCode()).isEqualTo(204);
    assertThat(tus.create(1, null).statusCode()).isEqualTo(201);
  }

  /** Sends the head of a PATCH at offset 0 announcing {@code length} bytes; returns its body. */
  private OutputStream startPatch(Socket socket, URI upload, int length) throws IOException {
    OutputStream out = socket.getOutputStream();
    String head =
        "PATCH "
            + upload.getPath()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + key
            + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
            + "Content-Type: application/offset+octet-stream\r\nContent-Length: "
            + length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    return out;
  }
}
