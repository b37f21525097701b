package ai.assetlibrary.server.uploads;

import static ai.assetlibrary.server.uploads.TusClient.location;
import static ai.assetlibrary.server.uploads.TusClient.metadata;
import static ai.assetlibrary.server.uploads.TusClient.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.S3Server;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import ai.assetlibrary.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bucket goes away in the middle of a resumable upload: the chunk that cannot reach it (here
 * the one that fills the first multipart part) is answered 503 with the offset unchanged, so that
 * the client sends it again, and the upload ends in the same bytes once the bucket is back.
 */
class TusStorageOutageTest extends ServerTest {

  @BeforeEach
  void onlyWithABucket() {
    assumeTrue(Backends.s3(), "the bytes live in a bucket");
  }

  @Test
  void aChunkThatCannotReachTheBucketIsAnswered503AndSentAgainOnceItIsBack() {
    byte[] file = TestMedia.wav(460);
    int first = 1 << 20;
    int second = 5 << 20;
    assertThat(file.length).isGreaterThan(first + second);
    TusClient tus = new TusClient(server, key);
    URI upload = location(tus.create(file.length, metadata("filename", "outage.wav")));
    assertThat(tus.patch(upload, 0, Arrays.copyOfRange(file, 0, first)).statusCode())
        .isEqualTo(204);
    byte[] chunk = Arrays.copyOfRange(file, first, first + second);

    S3Server s3 = Backends.s3Server();
    s3.stop();
    try {
      HttpResponse<String> refused = tus.patch(upload, first, chunk);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(TestServer.json(refused).get("serviceCode").asText())
          .isEqualTo("STORAGE_UNAVAILABLE");
      assertThat(offset(tus.head(upload))).isEqualTo(first);
    } finally {
      s3.restart();
    }

    assertThat(tus.patch(upload, first, chunk).statusCode()).isEqualTo(204);
    HttpResponse<String> last =
        tus.patch(upload, first + second, Arrays.copyOfRange(file, first + second, file.length));
    assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
    JsonNode asset = TestServer.json(tus.get(upload)).get("data");
    assertThat(server.fetch(URI.create(asset.get("url").asText())).body()).isEqualTo(file);
    assertThat(server.spooledUploads()).isEmpty();
    assertThat(server.leftoverWrites()).isEmpty();
  }
}
