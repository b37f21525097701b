package ai.assetlibrary.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tus-java-client 0.5.1, as a Java user drives it, against the real server: an upload interrupted
 * by a server restart resumes from the URL the client stored and ends in an asset whose bytes and
 * SHA-256 match the file's. (The client sends its appends as {@code POST} with {@code
 * X-HTTP-Method-Override: PATCH}, in chunked bodies.)
 */
class TusJavaClientTest extends ServerTest {

  @TempDir Path workDir;

  @Test
  void anUploadInterruptedByARestartResumesFromTheStoredUrl() throws Exception {
    byte[] wav = TestMedia.wav(300);
    Path file = workDir.resolve("interview.wav");
    Files.write(file, wav);
    int port = server.port();

    TusClient client = new TusClient();
    client.setUploadCreationURL(server.uri("/v1/uploads").toURL());
    client.enableResuming(new TusURLMemoryStore());
    client.setHeaders(Map.of("Authorization", "Bearer " + key));
    TusUpload upload = new TusUpload(file.toFile());
    upload.setMetadata(Map.of("filename", "interview.wav", "name", "Interview"));

    TusUploader first = client.resumeOrCreateUpload(upload);
    first.setRequestPayloadSize(1 << 20);
    while (first.getOffset() < 2 << 20) {
      assertThat(first.uploadChunk()).isPositive();
    }
    first.finish();
    long interruptedAt = first.getOffset();

    server = app.restart(Map.of("ASSETS_PORT", Integer.toString(port)));
    TusUpload again = new TusUpload(file.toFile());
    again.setMetadata(upload.getMetadata());
    TusUploader resumed = client.resumeOrCreateUpload(again);
    assertThat(resumed.getUploadURL()).isEqualTo(first.getUploadURL());
    assertThat(resumed.getOffset()).isEqualTo(interruptedAt);
    resumed.setRequestPayloadSize(1 << 20);
    while (resumed.uploadChunk() > -1) {
      // until the last byte is sent
    }
    resumed.finish();
    assertThat(resumed.getOffset()).isEqualTo(wav.length);

    HttpResponse<String> result = server.get(resumed.getUploadURL().getPath(), key);
    assertThat(result.statusCode()).isEqualTo(200);
    JsonNode asset = TestServer.json(result).get("data");
    assertThat(asset.get("name").asText()).isEqualTo("Interview");
    assertThat(asset.get("mimeType").asText()).startsWith("audio/");
    byte[] stored = server.fetch(URI.create(asset.get("url").asText())).body();
    assertThat(TestMedia.sha256(stored)).isEqualTo(TestMedia.sha256(wav));
  }
}
