package ai.assetlibrary.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/assets} on the unified path, and delivery of what was uploaded. */
class UploadAssetTest extends ServerTest {

  @TempDir Path workDir;

  @Test
  void seedCurlExampleUploadsIntoLibraryAndUrlServesTheSameBytes() throws Exception {
    byte[] png = TestMedia.png(64, 48);
    Files.write(workDir.resolve("your-file.png"), png);
    Process curl =
        new ProcessBuilder(
                "curl",
                "-sS",
                "-X",
                "POST",
                server.uri("/v1/assets").toString(),
                "-H",
                "Authorization: Bearer " + key,
                "-F",
                "file=@./your-file.png",
                "-F",
                "name=avatar.png",
                "-F",
                "groupId=library",
                "-w",
                "\n%{http_code}")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(curl.getInputStream().readAllBytes());
    assertThat(curl.waitFor()).as(output).isZero();
    String status = output.substring(output.lastIndexOf('\n') + 1);
    assertThat(status).as(output).isEqualTo("200");

    JsonNode body = TestServer.json(output.substring(0, output.lastIndexOf('\n')));
    assertThat(body.get("code").asInt()).isZero();
    assertThat(body.get("msg").asText()).isEqualTo("Asset uploaded successfully");
    assertThat(body.has("serviceCode")).isFalse();
    JsonNode asset = body.get("data");
    assertThat(asset.get("assetId").asText()).matches("ua_[0-9a-f]{32}");
    assertThat(asset.get("token360AssetId").asText()).isEqualTo(asset.get("assetId").asText());
    assertThat(asset.get("id").isIntegralNumber()).isTrue();
    assertThat(asset.get("tenantId").asLong()).isEqualTo(1001);
    assertThat(asset.get("userId").asLong()).isEqualTo(5001);
    assertThat(asset.get("userName").asText()).isEqualTo("demo");
    assertThat(asset.get("assetGroupId").asText()).isEqualTo("library");
    assertThat(asset.get("groupName").asText()).isEqualTo("Library");
    assertThat(asset.get("name").asText()).isEqualTo("avatar.png");
    assertThat(asset.get("status").asText()).isEqualTo("active");
    assertThat(asset.get("assetKind").asText()).isEqualTo("UPLOAD");
    assertThat(asset.get("sourceType").asText()).isEqualTo("UNIFIED");
    assertThat(asset.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(asset.get("assetType").asText()).isEqualTo("Image");
    assertThat(asset.get("mimeType").asText()).isEqualTo("image/png");
    assertThat(asset.get("fileType").asText()).isEqualTo("png");
    assertThat(asset.get("sizeBytes").asLong()).isEqualTo(png.length);
    assertThat(asset.get("shared").asBoolean()).isFalse();
    assertThat(asset.get("originalFilename").asText()).isEqualTo("your-file.png");
    assertThat(asset.get("filename").asText()).isEqualTo(asset.get("assetId").asText() + ".png");
    assertThat(asset.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
    assertThat(asset.get("updatedAt").asText()).isEqualTo(asset.get("createdAt").asText());
    assertThat(asset.get("width").asInt()).isEqualTo(64);
    assertThat(asset.get("height").asInt()).isEqualTo(48);
    assertThat(asset.get("aspectRatio").asText()).isEqualTo("4:3");
    assertThat(asset.get("thumbnailUrl").asText()).startsWith(server.uri("/files/").toString());
    assertThat(asset.has("durationSeconds")).as("absent fields are omitted, not null").isFalse();
    assertThat(asset.has("providerRefs")).isFalse();

    String url = asset.get("url").asText();
    assertThat(url).startsWith(server.uri("/files/").toString());
    assertThat(url).doesNotContain(asset.get("assetId").asText().substring(3));
    HttpResponse<byte[]> fetched = server.fetch(URI.create(url));
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(TestMedia.sha256(fetched.body())).isEqualTo(TestMedia.sha256(png));
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(fetched.headers().firstValue("Content-Length")).hasValue(String.valueOf(png.length));
    assertThat(fetched.headers().firstValue("ETag")).hasValue('"' + TestMedia.sha256(png) + '"');
    assertThat(fetched.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void storedBytesEqualUploadedBytes() throws Exception {
    byte[] jpeg = TestMedia.jpeg(320, 200);
    JsonNode asset = uploadOk(Multipart.form().file("file", "photo.jpg", "image/jpeg", jpeg));

    String stored = server.storageKeyOf(asset);
    assertThat(TestMedia.sha256(server.blobBytes(stored))).isEqualTo(TestMedia.sha256(jpeg));
    assertThat(asset.get("mimeType").asText()).isEqualTo("image/jpeg");
    assertThat(asset.get("fileType").asText()).isEqualTo("jpg");
    assertThat(asset.get("name").asText())
        .as("name defaults to the file name")
        .isEqualTo("photo.jpg");
  }

  @Test
  void gifRenamedJpgAndDeclaredJpegIsDetectedAsGif() {
    byte[] gif = TestMedia.gif(40, 30);
    JsonNode asset = uploadOk(Multipart.form().file("file", "holiday.jpg", "image/jpeg", gif));

    assertThat(asset.get("mimeType").asText()).isEqualTo("image/gif");
    assertThat(asset.get("fileType").asText()).isEqualTo("gif");
    assertThat(asset.get("filename").asText()).endsWith(".gif");
    HttpResponse<byte[]> fetched = server.fetch(URI.create(asset.get("url").asText()));
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/gif");
  }

  @Test
  void textPartsMayComeBeforeTheFile() {
    JsonNode asset =
        uploadOk(
            Multipart.form()
                .text("groupId", "library")
                .text("name", "Früh – 早い")
                .file("file", "a.png", "image/png", TestMedia.png(8, 8)));

    assertThat(asset.get("name").asText()).isEqualTo("Früh – 早い");
  }

  @Test
  void clientPathIsStrippedFromOriginalFilenameAndNeverReachesTheStoredName() {
    JsonNode asset =
        uploadOk(
            Multipart.form()
                .file(
                    "file", "../../etc/\u202Epasswd\u0007.png", "image/png", TestMedia.png(8, 8)));

    assertThat(asset.get("originalFilename").asText()).isEqualTo("passwd.png");
    assertThat(asset.get("filename").asText()).matches("ua_[0-9a-f]{32}\\.png");
    assertThat(server.storedBlobs())
        .allSatisfy(
            key -> assertThat(key).matches("([0-9a-f]{2})/\\1[0-9a-f]{30}(_thumb)?\\.(png|jpg)"));
  }

  @Test
  void sixteenParallelUploadsAllLandWithDistinctIdsAndIntactBytes() {
    List<byte[]> files = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] png = TestMedia.png(16 + i, 16);
      files.add(png);
      Multipart form = Multipart.form().file("file", "p" + i + ".png", "image/png", png);
      HttpRequest request = form.postTo(server.uri("/v1/assets"), key).build();
      responses.add(server.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    Set<String> ids = new HashSet<>();
    Set<Long> internalIds = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      HttpResponse<String> response = responses.get(i).join();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode asset = TestServer.json(response).get("data");
      ids.add(asset.get("assetId").asText());
      internalIds.add(asset.get("id").asLong());
      byte[] served = server.fetch(URI.create(asset.get("url").asText())).body();
      assertThat(served).isEqualTo(files.get(i));
    }
    assertThat(ids).hasSize(16);
    assertThat(internalIds).hasSize(16);
    assertThat(server.assetRows()).isEqualTo(16);
    assertThat(server.storedBlobs()).as("each file and its thumbnail").hasSize(32);
  }

  @Test
  void unknownDeliveryKeyAnswers404Envelope() {
    HttpResponse<byte[]> response =
        server.fetch(server.uri("/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new String(response.body())).contains("\"serviceCode\":\"RESOURCE_NOT_FOUND\"");
  }

  @Test
  void healthzAnswersUp() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/healthz")).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(response).at("/data/status").asText()).isEqualTo("UP");
  }

  private JsonNode uploadOk(Multipart form) {
    HttpResponse<String> response = server.upload(key, form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("code").asInt()).isZero();
    return body.get("data");
  }
}
