package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.records.UploadRecord;
import ai.assetlibrary.server.records.UploadRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The locks of resumable uploads, on each database through the record port: one holder at a time,
 * only the upload's owner, a lease that ends, and writes that only their holder may make.
 */
abstract class UploadLockContract {

  static final long NOW = 1_796_000_000_000L;
  static final long ALICE = 10;
  static final long BOB = 11;
  static final String UPLOAD = "up_0123456789abcdef0123456789abcdef";

  Database database;
  UploadRecords uploads;

  /** A new, empty database (not yet migrated). */
  protected abstract Database open();

  @BeforeEach
  void addAnUploadOfAlice() {
    database = open();
    database.migrate();
    database
        .records()
        .useTransaction(
            tx -> {
              tx.accounts().insertTenantIfAbsent(1, NOW);
              tx.accounts().insertUser(ALICE, 1, "alice", NOW);
              tx.accounts().insertUser(BOB, 1, "bob", NOW);
            });
    uploads = database.records().uploads();
    uploads.insert(
        new UploadRecord(
            0,
            UPLOAD,
            1,
            ALICE,
            1000,
            0,
            null,
            null,
            null,
            null,
            null,
            "fp",
            null,
            0,
            null,
            NOW,
            NOW,
            NOW + 86_400_000));
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void onlyTheOwnerTakesTheLockAndOnlyOneHolderHasItUntilReleasedOrItsLeaseEnds() {
    assertThat(uploads.lock(UPLOAD, BOB, "bob", NOW, NOW + 30_000)).isEmpty();
    assertThat(uploads.lock(UPLOAD, ALICE, "first", NOW, NOW + 30_000))
        .hasValueSatisfying(
            locked -> {
              assertThat(locked.lockToken()).isEqualTo("first");
              assertThat(locked.lockedUntil()).isEqualTo(NOW + 30_000);
              assertThat(locked.uploadLength()).isEqualTo(1000);
            });
    assertThat(uploads.lock(UPLOAD, ALICE, "second", NOW + 1, NOW + 30_001)).isEmpty();
    assertThat(uploads.extendLock(UPLOAD, "first", NOW + 60_000)).isTrue();
    assertThat(uploads.lock(UPLOAD, ALICE, "second", NOW + 30_000, NOW + 60_000)).isEmpty();

    assertThat(uploads.lock(UPLOAD, ALICE, "second", NOW + 60_000, NOW + 90_000)).isPresent();
    assertThat(uploads.extendLock(UPLOAD, "first", NOW + 120_000)).isFalse();
    assertThat(uploads.find(UPLOAD).orElseThrow().lockToken()).isEqualTo("second");

    uploads.unlock(UPLOAD, "first");
    assertThat(uploads.find(UPLOAD).orElseThrow().lockToken()).isEqualTo("second");
    uploads.unlock(UPLOAD, "second");
    assertThat(uploads.lock(UPLOAD, ALICE, "third", NOW + 60_001, NOW + 90_001)).isPresent();
  }

  @Test
  void onlyTheHolderOfTheLockRecordsWhatItAppendedOrFinishes() {
    assertThat(uploads.lock(UPLOAD, ALICE, "holder", NOW, NOW + 30_000)).isPresent();

    assertThat(uploads.advance(UPLOAD, "other", 10, "audio/wav", "k.wav", null, NOW, false))
        .isFalse();
    assertThat(uploads.finish(UPLOAD, "ua_x", "other", NOW)).isFalse();
    assertThat(uploads.find(UPLOAD).orElseThrow().receivedBytes()).isZero();

    assertThat(uploads.advance(UPLOAD, "holder", 10, "audio/wav", "k.wav", null, NOW, true))
        .isTrue();
    UploadRecord advanced = uploads.find(UPLOAD).orElseThrow();
    assertThat(advanced.receivedBytes()).isEqualTo(10);
    assertThat(advanced.lockToken()).isNull();
  }
}
