package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RawHttp;
import ai.assetlibrary.server.testing.RunningServer;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every way an upload can fail: the right status and serviceCode, and nothing left behind. */
class UploadErrorsTest extends ServerTest {

  UploadErrorsTest() {
    super(RunningServer.withUploadLimit(LIMIT));
  }

  private static final long LIMIT = 1024 * 1024;

  @Test
  void missingFileIsUnifiedAssetFileRequired() {
    HttpResponse<String> response = server.upload(key, Multipart.form().text("name", "x"));

    assertError(response, 400, "UNIFIED_ASSET_FILE_REQUIRED");
  }

  @Test
  void emptyFileIsAssetFileEmpty() {
    HttpResponse<String> response =
        server.upload(key, Multipart.form().file("file", "e.png", "image/png", new byte[0]));

    assertError(response, 400, "ASSET_FILE_EMPTY");
  }

  @Test
  void pdfIsUnsupportedType() {
    HttpResponse<String> response =
        server.upload(key, Multipart.form().file("file", "a.png", "image/png", TestMedia.pdf()));

    JsonNode body = assertError(response, 415, "ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(body.at("/data/detectedType").asText()).isEqualTo("application/pdf");
  }

  @Test
  void zeroFilledJpgIsUnsupportedTypeBecauseTheNameIsNeverConsulted() {
    HttpResponse<String> response =
        server.upload(
            key, Multipart.form().file("file", "photo.jpg", "image/jpeg", new byte[200_000]));

    JsonNode body = assertError(response, 415, "ASSET_FILE_TYPE_UNSUPPORTED");
    assertThat(body.at("/data/detectedType").asText()).isEqualTo("application/octet-stream");
  }

  @Test
  void declaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
    Multipart form = Multipart.form();
    String head =
        "POST /v1/assets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: "
            + form.contentType()
            + "\r\nContent-Length: 10737418240\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String response = RawHttp.readResponse(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("\"serviceCode\":\"ASSET_FILE_TOO_LARGE\"");
      assertThat(response).contains("\"limitBytes\":" + LIMIT);
    }
    assertNothingLeftBehind();
  }

  @Test
  void streamedFileOverTheLimitIsRefusedWithoutReadingTheRest() throws Exception {
    String boundary = "xYz";
    String head =
        "POST /v1/assets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    byte[] partHead =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] png = TestMedia.png(16, 16);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  out.write(head.getBytes(StandardCharsets.US_ASCII));
                  writeChunk(out, partHead);
                  writeChunk(out, png);
                  byte[] filler = new byte[64 * 1024];
                  for (long sent = png.length; sent <= 4 * LIMIT; sent += filler.length) {
                    writeChunk(out, filler);
                  }
                  out.flush();
                } catch (IOException e) {
                  // The server stopped reading and closed the connection: expected.
                }
              });

      String response = RawHttp.readResponse(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("\"serviceCode\":\"ASSET_FILE_TOO_LARGE\"");
      socket.close();
      writer.join();
    }
    assertThat(server.library().uploads().finishedUploads().await(1, Duration.ofSeconds(30)))
        .isTrue();
    assertNothingLeftBehind();
  }

  @Test
  void clientThatDisconnectsMidBodyLeavesNoFileAndNoRow() throws Exception {
    Multipart form = Multipart.form().file("file", "p.png", "image/png", TestMedia.png(400, 400));
    byte[] body = form.body();
    String head =
        "POST /v1/assets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: "
            + form.contentType()
            + "\r\nContent-Length: "
            + (body.length + 500_000)
            + "\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length - 10);
      out.flush();
    }

    assertThat(server.library().uploads().finishedUploads().await(1, Duration.ofSeconds(30)))
        .isTrue();
    assertNothingLeftBehind();
    uploadStillWorks();
  }

  @Test
  void unknownGroupIsUnifiedAssetGroupNotFound() {
    HttpResponse<String> response =
        server.upload(key, pngForm().text("groupId", "ug_doesnotexist"));

    assertError(response, 404, "UNIFIED_ASSET_GROUP_NOT_FOUND");
  }

  @Test
  void unknownLegacyGroupByAssetGroupIdIsAssetGroupNotFound() {
    HttpResponse<String> response = server.upload(key, pngForm().text("assetGroupId", "8137"));

    assertError(response, 404, "ASSET_GROUP_NOT_FOUND");
  }

  @Test
  void unknownLegacyGroupByLegacyGroupIdIsAssetGroupNotFound() {
    HttpResponse<String> response = server.upload(key, pngForm().text("groupId", "legacy_rf_8137"));

    assertError(response, 404, "ASSET_GROUP_NOT_FOUND");
  }

  @Test
  void modelWithoutGroupIsUnifiedAssetGroupRequired() {
    HttpResponse<String> response = server.upload(key, pngForm().text("model", "seedance-2.0"));

    assertError(response, 400, "UNIFIED_ASSET_GROUP_REQUIRED");
  }

  @Test
  void modelOnTheGenericLibraryIsAssetModelUnsupported() {
    HttpResponse<String> response =
        server.upload(key, pngForm().text("groupId", "library").text("model", "seedance-2.0"));

    assertError(response, 422, "ASSET_MODEL_UNSUPPORTED");
  }

  @Test
  void unknownModelIsAssetModelUnsupported() {
    HttpResponse<String> response =
        server.upload(key, pngForm().text("groupId", "library").text("model", "gpt-image"));

    assertError(response, 422, "ASSET_MODEL_UNSUPPORTED");
  }

  @Test
  void missingKeyIsAuthApiKeyMissing() {
    Multipart form = pngForm();
    HttpResponse<String> response =
        post(null, form.contentType(), HttpRequest.BodyPublishers.ofByteArray(form.body()));

    assertError(response, 401, "AUTH_API_KEY_MISSING");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void unknownKeyIsAuthApiKeyInvalid() {
    HttpResponse<String> response = server.upload("sk-" + "A".repeat(43), pngForm());

    assertError(response, 401, "AUTH_API_KEY_INVALID");
  }

  @Test
  void malformedKeyIsAuthApiKeyInvalid() {
    HttpResponse<String> response = server.upload("not-a-key", pngForm());

    assertError(response, 401, "AUTH_API_KEY_INVALID");
  }

  @Test
  void nonBearerSchemeIsAuthApiKeyInvalid() {
    Multipart form = pngForm();
    HttpResponse<String> response =
        post(
            "Basic " + key,
            form.contentType(),
            HttpRequest.BodyPublishers.ofByteArray(form.body()));

    assertError(response, 401, "AUTH_API_KEY_INVALID");
  }

  @Test
  void lowerCaseBearerSchemeIsAccepted() {
    Multipart form = pngForm();
    HttpResponse<String> response =
        post(
            "bearer " + key,
            form.contentType(),
            HttpRequest.BodyPublishers.ofByteArray(form.body()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void disabledKeyIsAuthApiKeyInvalid() {
    assertThat(server.library().apiKeys().disable(key)).isTrue();

    HttpResponse<String> response = server.upload(key, pngForm());

    assertError(response, 401, "AUTH_API_KEY_INVALID");
  }

  @Test
  void bodyWithoutClosingBoundaryIsRequestMalformed() {
    Multipart form = pngForm();
    byte[] body = form.body();
    byte[] cut = java.util.Arrays.copyOf(body, body.length - form.boundary().length() - 8);
    HttpResponse<String> response =
        post("Bearer " + key, form.contentType(), HttpRequest.BodyPublishers.ofByteArray(cut));

    assertError(response, 400, "REQUEST_MALFORMED");
  }

  @Test
  void multipartWithoutBoundaryIsRequestMalformed() {
    HttpResponse<String> response =
        post("Bearer " + key, "multipart/form-data", HttpRequest.BodyPublishers.ofString("hello"));

    assertError(response, 400, "REQUEST_MALFORMED");
  }

  @Test
  void jsonBodyIsRequestContentTypeUnsupported() {
    HttpResponse<String> response =
        post("Bearer " + key, "application/json", HttpRequest.BodyPublishers.ofString("{}"));

    assertError(response, 415, "REQUEST_CONTENT_TYPE_UNSUPPORTED");
  }

  @Test
  void nonIntegerAssetGroupIdIsRequestFieldInvalid() {
    HttpResponse<String> response = server.upload(key, pngForm().text("assetGroupId", "twelve"));

    JsonNode body = assertError(response, 400, "REQUEST_FIELD_INVALID");
    assertThat(body.at("/data/field").asText()).isEqualTo("assetGroupId");
  }

  @Test
  void overLongNameIsRequestFieldInvalid() {
    HttpResponse<String> response = server.upload(key, pngForm().text("name", "n".repeat(256)));

    JsonNode body = assertError(response, 400, "REQUEST_FIELD_INVALID");
    assertThat(body.at("/data/field").asText()).isEqualTo("name");
  }

  @Test
  void nonUtf8FieldIsRequestFieldInvalid() {
    HttpResponse<String> response =
        server.upload(
            key,
            pngForm()
                .raw(
                    "Content-Disposition: form-data; name=\"name\"\r\n",
                    new byte[] {(byte) 0xC3, (byte) 0x28}));

    assertError(response, 400, "REQUEST_FIELD_INVALID");
  }

  @Test
  void twoFilePartsAreRequestMalformed() {
    HttpResponse<String> response =
        server.upload(key, pngForm().file("file", "b.png", "image/png", TestMedia.png(9, 9)));

    assertError(response, 400, "REQUEST_MALFORMED");
  }

  @Test
  void unknownRouteIsResourceNotFound() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/v1/nothing-here")).GET().build());

    assertError(response, 404, "RESOURCE_NOT_FOUND");
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/healthz")).DELETE().build());

    assertError(response, 405, "METHOD_NOT_ALLOWED");
  }

  /** Breaks the local staging directory, which only the filesystem store writes blobs into. */
  @Test
  @Tag(Backends.EMBEDDED_ONLY)
  void storageFailureIsInternalErrorWithCorrelationIdAndServerKeepsServing() throws IOException {
    Path incoming = server.library().staging().directory();
    Files.delete(incoming);
    Files.writeString(incoming, "not a directory");

    HttpResponse<String> response = server.upload(key, pngForm());

    JsonNode body = assertError(response, 500, "INTERNAL_ERROR");
    String correlationId = body.at("/data/correlationId").asText();
    assertThat(correlationId).matches("[0-9a-f-]{36}");
    assertThat(body.get("msg").asText()).contains(correlationId);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");

    Files.delete(incoming);
    Files.createDirectory(incoming);
    uploadStillWorks();
  }

  private JsonNode assertError(HttpResponse<String> response, int status, String serviceCode) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = TestServer.json(response);
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("serviceCode").asText()).isEqualTo(serviceCode);
    assertThat(body.get("msg").asText()).isNotBlank();
    assertThat(body.has("data")).as("the envelope always has data").isTrue();
    assertNothingLeftBehind();
    return body;
  }

  /** A valid form: one small PNG as the file part. */
  private static Multipart pngForm() {
    return Multipart.form().file("file", "a.png", "image/png", TestMedia.png(8, 8));
  }

  /** POSTs to the upload endpoint with the given Authorization and Content-Type (null: none). */
  private HttpResponse<String> post(
      String authorization, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/assets")).POST(body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.send(request.build());
  }

  private void assertNothingLeftBehind() {
    assertThat(server.assetRows()).isZero();
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
  }

  private void uploadStillWorks() {
    HttpResponse<String> ok = server.upload(key, pngForm());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  private static void writeChunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
