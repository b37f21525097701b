package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.RawHttp;
import ai.assetlibrary.server.testing.ResourceCounts;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests: broken and oversized multipart, path-traversal and disguised file names, and
 * abused Authorization headers. Each gets a clear envelope, nothing of it stays behind, the server
 * keeps serving, and a second pass over the whole catalogue adds no file descriptor, thread or
 * temporary file to those the first left.
 */
class HostileInputTest extends ServerTest {

  private static final byte[] PNG = TestMedia.png(16, 16);

  @Test
  void theWholeCatalogueLeaksNothing() {
    runCatalogue();
    ResourceCounts before = ResourceCounts.of(server);

    runCatalogue();

    // Nothing may grow; earlier tests' servers may still be winding down, so counts can fall.
    ResourceCounts after = ResourceCounts.of(server);
    assertThat(after.descriptorsOpenedSince(before)).isEmpty();
    assertThat(after.threads().size())
        .as("threads started: %s", after.threadsStartedSince(before))
        .isLessThanOrEqualTo(before.threads().size());
    assertThat(after.tempFiles()).isEqualTo(before.tempFiles());
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void multipartAbuseIsRefusedAndKeepsNothing() {
    long rows = server.assetRows();
    multipartAbuse();
    assertThat(server.assetRows()).isEqualTo(rows);
    assertThat(server.storedBlobs()).isEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
  }

  @Test
  void hostileFileNamesNeverReachTheDiskAndAreStoredClean() throws Exception {
    List<JsonNode> stored = hostileFileNames();

    Path blobs = app.dataDir().resolve("blobs");
    Path natives = app.dataDir().resolve("native");
    try (Stream<Path> files = Files.walk(app.dataDir())) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(
              file ->
                  assertThat(
                          file.startsWith(blobs)
                              || file.startsWith(natives)
                              || file.getParent().equals(app.dataDir()))
                      .as("%s stays in the data directory's own layout", file)
                      .isTrue());
    }
    for (JsonNode asset : stored) {
      String name = asset.get("originalFilename").asText();
      assertThat(name)
          .doesNotContain("/", "\\", "\0", "\u202e", "..")
          .hasSizeLessThanOrEqualTo(255);
      assertThat(asset.get("filename").asText()).matches("ua_[0-9a-f]{32}\\.png");
    }
    assertThat(stored.get(stored.size() - 1).get("originalFilename").asText())
        .as("names differing only in normalisation end up equal")
        .isEqualTo(stored.get(stored.size() - 2).get("originalFilename").asText());
  }

  @Test
  void abusedAuthorizationHeadersAreRefused() {
    authorizationAbuse();
    assertThat(server.assetRows()).isZero();
  }

  private void runCatalogue() {
    multipartAbuse();
    hostileFileNames();
    authorizationAbuse();
    assertThat(server.upload(key, pngForm()).statusCode()).as("still serving").isEqualTo(200);
  }

  private void multipartAbuse() {
    Multipart form = pngForm();
    // The header names one boundary, the body uses another.
    expect(
        send(
            "multipart/form-data; boundary=not-the-one-in-the-body",
            form.body(),
            "Authorization: Bearer " + key),
        400,
        "REQUEST_MALFORMED");
    // 10,000 parts.
    Multipart many = Multipart.form();
    for (int i = 0; i < 10_000; i++) {
      many.text("f" + i, "x");
    }
    expect(send(many, "Authorization: Bearer " + key), 400, "REQUEST_MALFORMED");
    // 1 MB of part headers.
    Multipart hugeHeaders =
        Multipart.form()
            .raw(
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nX-Padding: "
                    + "a".repeat(1_000_000)
                    + "\r\n",
                PNG);
    expect(send(hugeHeaders, "Authorization: Bearer " + key), 400, "REQUEST_MALFORMED");
    // CR/LF injected into a part's name: the injected text is just another header line of the part.
    Multipart injected =
        Multipart.form()
            .raw(
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n",
                PNG)
            .raw(
                "Content-Disposition: form-data; name=\"name\r\nX-Injected: yes\"\r\n",
                "x".getBytes(StandardCharsets.US_ASCII));
    Answer injectedAnswer = send(injected, "Authorization: Bearer " + key);
    assertThat(injectedAnswer.status()).as(injectedAnswer.body()).isIn(200, 400);
    assertThat(injectedAnswer.head().toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("x-injected");
    if (injectedAnswer.status() == 200) {
      deleteAsset(TestServer.json(injectedAnswer.body()).at("/data/assetId").asText());
    }
    // Two file parts, a body cut off before its closing boundary, no boundary at all.
    expect(
        send(
            Multipart.form()
                .file("file", "a.png", "image/png", PNG)
                .file("file", "b.png", "image/png", PNG),
            "Authorization: Bearer " + key),
        400,
        "REQUEST_MALFORMED");
    byte[] body = form.body();
    expect(
        send(
            form.contentType(),
            java.util.Arrays.copyOf(body, body.length - 10),
            "Authorization: Bearer " + key),
        400,
        "REQUEST_MALFORMED");
    expect(
        send("multipart/form-data", body, "Authorization: Bearer " + key),
        400,
        "REQUEST_MALFORMED");
    // A field value that is not UTF-8.
    expect(
        send(
            pngForm()
                .raw(
                    "Content-Disposition: form-data; name=\"name\"\r\n",
                    new byte[] {(byte) 0xC3, 0x28}),
            "Authorization: Bearer " + key),
        400,
        "REQUEST_FIELD_INVALID");
  }

  /** Uploads under hostile names; returns the records, the last two named alike but for NFC/NFD. */
  private List<JsonNode> hostileFileNames() {
    List<String> names =
        List.of(
            "../../etc/passwd",
            "/etc/shadow",
            "C:\\Windows\\System32\\evil.png",
            "long-" + "n".repeat(10_240) + ".png",
            "photo\u202egnp.exe",
            Normalizer.normalize("café.png", Normalizer.Form.NFC),
            Normalizer.normalize("café.png", Normalizer.Form.NFD));
    List<JsonNode> stored = new ArrayList<>();
    for (String name : names) {
      HttpResponse<String> response =
          server.upload(key, Multipart.form().file("file", name, "image/png", PNG));
      assertThat(response.statusCode())
          .as("name #%d: %s", stored.size(), response.body())
          .isEqualTo(200);
      JsonNode asset = TestServer.json(response).get("data");
      stored.add(asset);
    }
    for (JsonNode asset : stored) {
      deleteAsset(asset.get("assetId").asText());
    }
    // A NUL in the name is refused rather than cut at.
    Multipart nul = Multipart.form().file("file", "nul\0byte.png", "image/png", PNG);
    expect(send(nul, "Authorization: Bearer " + key), 400, "REQUEST_FIELD_INVALID");
    return stored;
  }

  private void authorizationAbuse() {
    Multipart form = pngForm();
    expect(send(form, "Authorization: " + key), 401, "AUTH_API_KEY_INVALID");
    expect(send(form, "Authorization: Basic " + key), 401, "AUTH_API_KEY_INVALID");
    expect(send(form, "Authorization:"), 401, "AUTH_API_KEY_MISSING");
    expect(send(form, "Authorization: Bearer " + key + "\\n"), 401, "AUTH_API_KEY_INVALID");
    expect(send(form, "Authorization: Bearer sk-" + "z".repeat(43)), 401, "AUTH_API_KEY_INVALID");
    expect(
        send(form, "Authorization: Bearer " + key + "\r\nAuthorization: Bearer " + key),
        401,
        "AUTH_API_KEY_INVALID");
    // A key with a trailing newline, as read from a file: the line ends there, the key is intact.
    Answer trailingNewline = send(form, "Authorization: Bearer " + key + "\n");
    assertThat(trailingNewline.status()).as(trailingNewline.body()).isEqualTo(200);
    deleteAsset(TestServer.json(trailingNewline.body()).at("/data/assetId").asText());
  }

  private static Multipart pngForm() {
    return Multipart.form().file("file", "a.png", "image/png", PNG);
  }

  /** A response as read off the socket. */
  private record Answer(int status, String head, String body) {
    static Answer parse(String raw) {
      int split = raw.indexOf("\r\n\r\n");
      String head = raw.substring(0, split);
      return new Answer(Integer.parseInt(head.substring(9, 12)), head, raw.substring(split + 4));
    }
  }

  private Answer send(Multipart form, String headerLines) {
    return send(form.contentType(), form.body(), headerLines);
  }

  /** Sends the body through a raw socket, so that any header line can be sent. */
  private Answer send(String contentType, byte[] body, String headerLines) {
    return Answer.parse(rawUpload(contentType, body, headerLines));
  }

  private String rawUpload(String contentType, byte[] body, String headerLines) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(
        ("POST /v1/assets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + headerLines
                + (headerLines.endsWith("\n") ? "" : "\r\n")
                + "Content-Type: "
                + contentType
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    request.writeBytes(body);
    return RawHttp.exchange(server.port(), request.toByteArray());
  }

  private void deleteAsset(String assetId) {
    assertThat(server.call("DELETE", "/v1/assets/" + assetId, key, null).statusCode())
        .isEqualTo(200);
  }

  private static void expect(Answer answer, int status, String serviceCode) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode body = TestServer.json(answer.body());
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("serviceCode").asText()).isEqualTo(serviceCode);
  }
}
