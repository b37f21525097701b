package ai.assetlibrary.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.storage.s3.S3BlobStore;
import ai.assetlibrary.server.testing.Backends;
import ai.assetlibrary.server.testing.S3Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on a real S3 server, and what only a bucket does. */
class S3BlobStoreTest extends BlobStoreContract {

  private static final String PREFIX = "library/";

  @TempDir Path dataDir;

  private final S3Server s3 = Backends.s3Server();
  private String bucket;
  private StagingDirectory staging;
  private S3BlobStore store;

  @BeforeEach
  void open() throws IOException {
    bucket = s3.createBucket();
    staging = new StagingDirectory(dataDir.resolve("staging"));
    store =
        new S3BlobStore(
            s3.client(), bucket, PREFIX, staging, Duration.ofHours(1), Clock.systemUTC());
  }

  @AfterEach
  void removeBucket() {
    s3.deleteBucket(bucket);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected StagingDirectory staging() {
    return staging;
  }

  @Test
  void objectsLiveUnderThePrefix() throws IOException {
    commit("ab/x.bin", new byte[] {1});

    assertThat(s3.objects(bucket)).extracting(o -> o.key()).containsExactly("library/ab/x.bin");
  }

  @Test
  void aLargeBlobGoesUpInPartsAndReadsBackWhole() throws IOException {
    byte[] bytes = new byte[40 * 1024 * 1024 + 123];
    new Random(7).nextBytes(bytes);

    commit("cd/large.bin", bytes);

    StoredBlob stored = store.find("cd/large.bin").orElseThrow();
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(read(stored, 0, bytes.length)).isEqualTo(bytes);
    assertThat(s3.unfinishedUploads(bucket)).isZero();
    assertThat(staged()).isEmpty();
  }

  @Test
  void partsGoUpWhileTheBlobIsWrittenAndNothingIsLeftWhenItIsGivenUp() throws IOException {
    try (PendingBlob blob = store.create("ef/given-up.bin")) {
      blob.write(new byte[20 * 1024 * 1024], 0, 20 * 1024 * 1024);

      assertThat(s3.unfinishedUploads(bucket)).isEqualTo(1);
      assertThat(s3.objects(bucket)).isEmpty();
    }

    assertThat(s3.unfinishedUploads(bucket)).isZero();
    assertThat(s3.objects(bucket)).isEmpty();
    assertThat(staged()).isEmpty();
  }

  @Test
  void anUploadStillBeingWrittenHereIsNotTakenForAbandonedHoweverOld() throws IOException {
    S3BlobStore afterAnHour =
        new S3BlobStore(
            s3.client(),
            bucket,
            PREFIX,
            staging,
            Duration.ofHours(1),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
    byte[] bytes = new byte[17 * 1024 * 1024 + 5];
    new Random(11).nextBytes(bytes);
    try (PendingBlob blob = afterAnHour.create("ef/slow.bin")) {
      blob.write(bytes, 0, bytes.length);

      afterAnHour.discardAbandonedWrites();

      assertThat(s3.unfinishedUploads(bucket)).isEqualTo(1);
      blob.commit();
    }
    assertThat(read(afterAnHour.find("ef/slow.bin").orElseThrow(), 0, bytes.length))
        .isEqualTo(bytes);
    assertThat(s3.unfinishedUploads(bucket)).isZero();
  }

  @Test
  void unfinishedMultipartUploadsAreAbortedOnceOldEnough() throws IOException {
    s3.client().createMultipartUpload(r -> r.bucket(bucket).key(PREFIX + "crashed.bin"));
    S3BlobStore youngerThanAnHour = store;
    S3BlobStore afterAnHour =
        new S3BlobStore(
            s3.client(),
            bucket,
            PREFIX,
            staging,
            Duration.ofHours(1),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));

    youngerThanAnHour.discardAbandonedWrites();
    assertThat(s3.unfinishedUploads(bucket)).isEqualTo(1);
    afterAnHour.discardAbandonedWrites();
    assertThat(s3.unfinishedUploads(bucket)).isZero();
  }
}
