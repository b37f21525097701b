package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.Multipart;
import ai.assetlibrary.server.testing.S3Server;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bucket goes away while the server runs: uploads and reads answer 503 STORAGE_UNAVAILABLE and
 * keep nothing, readiness says so, and everything works again, without a restart, once the bucket
 * is back.
 */
class StorageOutageTest extends ServerTest {

  @BeforeEach
  void onlyWithABucket() {
    assumeTrue(Backends.s3(), "the bytes live in a bucket");
  }

  @Test
  void uploadsAndReadsAnswer503WhileTheBucketIsDownAndRecoverWhenItIsBack() {
    JsonNode before = server.uploadPng(key, "library", "before.png");
    S3Server s3 = Backends.s3Server();

    s3.stop();
    try {
      Errors.assertError(
          server.upload(
              key, Multipart.form().file("file", "during.png", "image/png", TestMedia.png(8, 8))),
          503,
          "STORAGE_UNAVAILABLE");
      Errors.assertError(
          server.get(URI.create(before.get("url").asText()).getPath(), null),
          503,
          "STORAGE_UNAVAILABLE");
      assertThat(server.get("/readyz", null).statusCode()).isEqualTo(503);
      assertThat(server.assetRows()).isEqualTo(1);
      assertThat(server.library().staging().directory().toFile().list()).isEmpty();
    } finally {
      s3.restart();
    }

    assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(server.fetch(URI.create(before.get("url").asText())).statusCode()).isEqualTo(200);
    server.uploadPng(key, "library", "after.png");
    assertThat(server.assetRows()).isEqualTo(2);
    assertThat(server.storedBlobs()).hasSize(4);
    assertThat(server.leftoverWrites()).isEmpty();
  }
}
