package ai.assetlibrary.server.uploads;

import static ai.assetlibrary.server.uploads.TusClient.location;
import static ai.assetlibrary.server.uploads.TusClient.metadata;
import static ai.assetlibrary.server.uploads.TusClient.offset;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tus 1.0.0 at {@code /v1/uploads}, rule by rule, against the real server: creation, offsets,
 * conflicts, checksums, termination, ownership, the type refused at the first bytes, and the asset
 * the last byte makes, the same as {@code POST /v1/assets} would have made.
 */
class TusProtocolTest extends ServerTest {

  private TusClient tus;

  @BeforeEach
  void client() {
    tus = new TusClient(server, key);
  }

  @Test
  void anUploadInChunksBecomesTheAssetAMultipartUploadOfTheSameFileBecomes() throws Exception {
    byte[] png = TestMedia.noisePng(300, 200, 7);
    HttpResponse<String> created =
        tus.create(png.length, metadata("filename", "shot.png", "name", "Holiday shot"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
    URI upload = location(created);
    assertThat(upload.toString()).startsWith(server.uri("/v1/uploads/").toString());

    HttpResponse<String> first = tus.head(upload);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(offset(first)).isZero();
    assertThat(first.headers().firstValue("Upload-Length")).hasValue(Long.toString(png.length));
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");

    int cut = 1000;
    HttpResponse<String> part = tus.patch(upload, 0, Arrays.copyOf(png, cut));
    assertThat(part.statusCode()).isEqualTo(204);
    assertThat(offset(part)).isEqualTo(cut);
    assertThat(offset(tus.head(upload))).isEqualTo(cut);

    HttpResponse<String> last = tus.patch(upload, cut, Arrays.copyOfRange(png, cut, png.length));
    assertThat(last.statusCode()).isEqualTo(204);
    assertThat(offset(last)).isEqualTo(png.length);
    String assetId = last.headers().firstValue("Upload-Asset-Id").orElseThrow();

    HttpResponse<String> result = tus.get(upload);
    assertThat(result.statusCode()).isEqualTo(200);
    JsonNode asset = TestServer.json(result).get("data");
    assertThat(asset.get("assetId").asText()).isEqualTo(assetId);
    assertThat(asset.get("name").asText()).isEqualTo("Holiday shot");
    assertThat(asset.get("originalFilename").asText()).isEqualTo("shot.png");
    assertThat(asset.get("mimeType").asText()).isEqualTo("image/png");
    assertThat(asset.get("width").asInt()).isEqualTo(300);
    assertThat(asset.get("height").asInt()).isEqualTo(200);
    assertThat(asset.get("sizeBytes").asLong()).isEqualTo(png.length);
    assertThat(asset.get("thumbnailUrl").asText()).isNotEmpty();
    assertThat(server.fetch(URI.create(asset.get("url").asText())).body()).isEqualTo(png);
    assertThat(recordedSha256(asset)).isEqualTo(TestMedia.sha256(png));

    JsonNode multipart =
        TestServer.json(
                server.upload(
                    key,
                    new Multipart()
                        .file("file", "shot.png", "image/png", png)
                        .text("name", "Holiday shot")))
            .get("data");
    for (String field :
        List.of("mimeType", "mediaType", "assetType", "width", "height", "sizeBytes", "fileType")) {
      assertThat(asset.get(field)).as(field).isEqualTo(multipart.get(field));
    }
    assertThat(server.spooledUploads()).isEmpty();
  }

  @Test
  void theFirstBytesInTheCreationRequestCountAndAllOfThemFinishTheUpload() {
    byte[] png = TestMedia.png(64, 48);
    HttpResponse<String> partial =
        tus.createWith(png.length, metadata("filename", "a.png"), Arrays.copyOf(png, 10));
    assertThat(partial.statusCode()).isEqualTo(201);
    assertThat(offset(partial)).isEqualTo(10);

    HttpResponse<String> whole = tus.createWith(png.length, metadata("filename", "b.png"), png);
    assertThat(whole.statusCode()).isEqualTo(201);
    assertThat(offset(whole)).isEqualTo(png.length);
    assertThat(whole.headers().firstValue("Upload-Asset-Id")).isPresent();
    assertThat(tus.get(location(whole)).statusCode()).isEqualTo(200);
  }

  @Test
  void aPatchAtAnotherOffsetIsAConflictThatNamesTheOffsetToResumeFrom() {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    tus.patch(upload, 0, Arrays.copyOf(png, 100));

    HttpResponse<String> behind = tus.patch(upload, 0, Arrays.copyOf(png, 100));
    assertThat(behind.statusCode()).isEqualTo(409);
    assertThat(behind.headers().firstValue("Upload-Offset")).hasValue("100");
    JsonNode error = TestServer.json(behind);
    assertThat(error.get("serviceCode").asText()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
    assertThat(error.get("data").get("uploadOffset").asLong()).isEqualTo(100);
    assertThat(tus.patch(upload, 150, new byte[] {1}).statusCode()).isEqualTo(409);
    assertThat(offset(tus.head(upload))).isEqualTo(100);
  }

  @Test
  void aChunkWhoseChecksumDiffersIsDiscardedAndAMatchingOneKept() throws Exception {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    byte[] chunk = Arrays.copyOf(png, 200);
    String wrong = "sha256 " + base64Sha256(Arrays.copyOf(png, 199));

    HttpResponse<String> refused = tus.patch(upload, 0, chunk, "Upload-Checksum", wrong);
    assertThat(refused.statusCode()).isEqualTo(460);
    assertThat(TestServer.json(refused).get("serviceCode").asText())
        .isEqualTo("UPLOAD_CHECKSUM_MISMATCH");
    assertThat(offset(tus.head(upload))).isZero();

    HttpResponse<String> md5 = tus.patch(upload, 0, chunk, "Upload-Checksum", "md5 AAAA");
    assertThat(md5.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(md5).get("serviceCode").asText())
        .isEqualTo("UPLOAD_CHECKSUM_UNSUPPORTED");

    HttpResponse<String> kept =
        tus.patch(upload, 0, chunk, "Upload-Checksum", "sha256 " + base64Sha256(chunk));
    assertThat(kept.statusCode()).isEqualTo(204);
    assertThat(offset(kept)).isEqualTo(200);
  }

  @Test
  void aTypeThatIsNotAcceptedIsRefusedWithTheBytesThatShowItAndTheUploadIsGone() {
    byte[] pdf = TestMedia.pdf();
    byte[] padded = Arrays.copyOf(pdf, 100_000);
    URI upload = location(tus.create(padded.length, null));
    HttpResponse<String> refused = tus.patch(upload, 0, Arrays.copyOf(padded, 70_000));
    assertThat(refused.statusCode()).isEqualTo(415);
    JsonNode error = TestServer.json(refused);
    assertThat(error.get("serviceCode").asText()).isEqualTo("ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(error.get("data").get("detectedType").asText()).isEqualTo("application/pdf");
    assertThat(tus.head(upload).statusCode()).isEqualTo(404);
    assertThat(server.spooledUploads()).isEmpty();
  }

  @Test
  void aTerminatedUploadIsGoneWithItsBytes() {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    tus.patch(upload, 0, Arrays.copyOf(png, 50));
    assertThat(server.spooledUploads()).hasSize(1);

    HttpResponse<String> terminated = tus.delete(upload);
    assertThat(terminated.statusCode()).isEqualTo(204);
    assertThat(tus.head(upload).statusCode()).isEqualTo(404);
    assertThat(tus.patch(upload, 50, new byte[] {1}).statusCode()).isEqualTo(404);
    assertThat(server.spooledUploads()).isEmpty();
  }

  @Test
  void someoneElsesUploadDoesNotExistForThem() {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    TusClient other = new TusClient(server, server.createKey(1001, 5099, "mallory"));

    assertThat(other.head(upload).statusCode()).isEqualTo(404);
    for (HttpResponse<String> answer :
        List.of(other.patch(upload, 0, png), other.delete(upload), other.get(upload))) {
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(TestServer.json(answer).get("serviceCode").asText()).isEqualTo("UPLOAD_NOT_FOUND");
    }
    assertThat(offset(tus.head(upload))).isZero();
    assertThat(new TusClient(server, null).head(upload).statusCode()).isEqualTo(401);
  }

  @Test
  void bytesPastTheDeclaredLengthAreRefusedAndNothingOfTheChunkIsKept() {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    byte[] tooLong = Arrays.copyOf(png, png.length + 1);
    HttpResponse<String> refused = tus.patch(upload, 0, tooLong);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(refused).get("serviceCode").asText())
        .isEqualTo("UPLOAD_LENGTH_EXCEEDED");
    assertThat(offset(tus.head(upload))).isZero();
    assertThat(tus.patch(upload, 0, png).statusCode()).isEqualTo(204);
  }

  @Test
  void hostileHeadersAreRefusedWithEnvelopesAndLeaveNothing() {
    assertRefused(
        tus.create(TestServer.DEFAULT_MAX_UPLOAD_BYTES + 1, null), 413, "ASSET_FILE_TOO_LARGE");
    assertRefused(tus.create(0, null), 400, "ASSET_FILE_EMPTY");
    assertRefused(
        tus.create(10, null, "Upload-Length", "99999999999999999999999"),
        400,
        "REQUEST_FIELD_INVALID");
    assertRefused(tus.create(10, null, "Upload-Length", "-5"), 400, "REQUEST_FIELD_INVALID");
    assertRefused(tus.create(10, "filename !!!notbase64"), 400, "REQUEST_FIELD_INVALID");
    assertRefused(tus.create(10, "filename YQ==,filename Yg=="), 400, "REQUEST_FIELD_INVALID");
    assertRefused(tus.create(10, "x".repeat(5000)), 400, "REQUEST_FIELD_INVALID");
    assertRefused(
        tus.create(10, metadata("groupId", "ug_00000000000000000000000000000000")),
        404,
        "UNIFIED_ASSET_GROUP_NOT_FOUND");
    assertRefused(tus.create(10, metadata("model", "nope")), 400, "UNIFIED_ASSET_GROUP_REQUIRED");
    HttpResponse<String> wrongVersion = tus.create(10, null, "Tus-Resumable", "0.2.2");
    assertRefused(wrongVersion, 412, "UPLOAD_PROTOCOL_UNSUPPORTED");
    assertThat(wrongVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");

    URI upload = location(tus.create(100, null));
    assertRefused(
        tus.patch(upload, 0, new byte[1], "Upload-Offset", "-1"), 400, "REQUEST_FIELD_INVALID");
    assertRefused(
        tus.patch(upload, 0, new byte[1], "Upload-Offset", "abc"), 400, "REQUEST_FIELD_INVALID");
    assertRefused(
        tus.patch(upload, 0, new byte[1], "Content-Type", "application/octet-stream"),
        415,
        "REQUEST_CONTENT_TYPE_UNSUPPORTED");
    assertThat(offset(tus.head(upload))).isZero();
    assertThat(server.assetRows()).isZero();
  }

  @Test
  void discoveryNamesTheVersionTheExtensionsAndTheLimit() {
    HttpResponse<String> options =
        server.send(
            HttpRequest.newBuilder(server.uri("/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(options.headers().firstValue("Tus-Extension").orElseThrow())
        .contains("creation", "creation-with-upload", "termination", "expiration", "checksum");
    assertThat(options.headers().firstValue("Tus-Max-Size"))
        .hasValue(Long.toString(TestServer.DEFAULT_MAX_UPLOAD_BYTES));
    assertThat(options.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha256");
  }

  @Test
  void aRetriedCreationUnderTheSameIdempotencyKeyAnswersTheSameUpload() {
    HttpResponse<String> first = tus.create(100, null, "Idempotency-Key", "create-1");
    HttpResponse<String> again = tus.create(100, null, "Idempotency-Key", "create-1");
    assertThat(location(again)).isEqualTo(location(first));
    assertRefused(
        tus.create(200, null, "Idempotency-Key", "create-1"), 409, "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void aClientThatCannotSendPatchOverridesPost() {
    byte[] png = TestMedia.png(64, 48);
    URI upload = location(tus.create(png.length, null));
    HttpResponse<String> appended =
        server.send(
            HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + key)
                .header("Tus-Resumable", "1.0.0")
                .header("X-HTTP-Method-Override", "PATCH")
                .header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png))
                .build());
    assertThat(appended.statusCode()).isEqualTo(204);
    assertThat(appended.headers().firstValue("Upload-Asset-Id")).isPresent();
  }

  @Test
  void beforeItsLastByteTheUploadAnswersItsProgressAndAFileThatDoesNotParseIsRefusedAtTheEnd() {
    byte[] png = TestMedia.png(64, 48);
    byte[] broken = Arrays.copyOf(png, png.length);
    Arrays.fill(broken, 40, broken.length, (byte) 7);
    URI upload = location(tus.create(broken.length, null));
    tus.patch(upload, 0, Arrays.copyOf(broken, 30));

    HttpResponse<String> progress = tus.get(upload);
    assertThat(progress.statusCode()).isEqualTo(202);
    JsonNode data = TestServer.json(progress).get("data");
    assertThat(data.get("offset").asLong()).isEqualTo(30);
    assertThat(data.get("length").asLong()).isEqualTo(broken.length);

    assertRefused(
        tus.patch(upload, 30, Arrays.copyOfRange(broken, 30, broken.length)),
        422,
        "ASSET_FILE_CORRUPT");
    assertThat(tus.head(upload).statusCode()).isEqualTo(404);
    assertThat(server.spooledUploads()).isEmpty();
    assertThat(server.assetRows()).isZero();
  }

  @Test
  void theIetfDraftIsSpokenOnTheSameUploads() {
    byte[] png = TestMedia.png(64, 48);
    HttpResponse<String> created =
        server.send(
            HttpRequest.newBuilder(server.uri("/v1/uploads"))
                .header("Authorization", "Bearer " + key)
                .header("Upload-Draft-Interop-Version", "6")
                .header("Upload-Complete", "?0")
                .header("Upload-Length", Integer.toString(png.length))
                .header("Content-Type", "application/partial-upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(png, 20)))
                .build());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Upload-Complete")).hasValue("?0");
    assertThat(created.headers().firstValue("Tus-Resumable")).isEmpty();
    URI upload = location(created);

    HttpResponse<String> head =
        server.send(
            HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + key)
                .header("Upload-Draft-Interop-Version", "6")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(204);
    assertThat(offset(head)).isEqualTo(20);
    assertThat(head.headers().firstValue("Upload-Length")).hasValue(Integer.toString(png.length));

    HttpResponse<String> rest =
        server.send(
            HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + key)
                .header("Upload-Draft-Interop-Version", "5")
                .header("Upload-Offset", "20")
                .header("Upload-Complete", "?1")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(png, 20, png.length)))
                .build());
    assertThat(rest.statusCode()).isEqualTo(204);
    assertThat(rest.headers().firstValue("Upload-Complete")).hasValue("?1");
    assertThat(rest.headers().firstValue("Upload-Asset-Id")).isPresent();
    assertRefused(
        server.send(
            HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + key)
                .header("Upload-Draft-Interop-Version", "4")
                .DELETE()
                .build()),
        412,
        "UPLOAD_PROTOCOL_UNSUPPORTED");
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(TestServer.json(answer).get("serviceCode").asText()).isEqualTo(code);
  }

  private String recordedSha256(JsonNode asset) {
    String url = asset.get("url").asText();
    return server
        .library()
        .records()
        .deliveries()
        .assetByDeliveryKey(url.substring(url.lastIndexOf('/') + 1), System.currentTimeMillis())
        .orElseThrow()
        .sha256();
  }

  private static String base64Sha256(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
