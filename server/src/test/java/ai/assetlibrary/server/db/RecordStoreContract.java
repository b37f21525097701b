package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.assetlibrary.server.records.AssetAccessRecord;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupAccessRecord;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.ProviderDeletionRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.ShareRecord;
import ai.assetlibrary.server.records.ShareTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every record store does, written once and run against each database through the record
 * ports: subclasses open a new, empty database. Tenant 1 has the users alice (10) and bob (11),
 * tenant 2 has carol (20); each has a default group {@code library}.
 */
public abstract class RecordStoreContract {

  static final long NOW = 1_796_000_000_123L;
  static final long ALICE = 10;
  static final long BOB = 11;
  static final long CAROL = 20;

  private Database database;
  RecordStore records;
  long aliceLibrary;

  /** A new, empty database (not yet migrated). */
  protected abstract Database open();

  @BeforeEach
  void migrateAndAddAccounts() {
    database = open();
    database.migrate();
    records = database.records();
    addUser(1, ALICE, "alice");
    addUser(1, BOB, "bob");
    addUser(2, CAROL, "carol");
    aliceLibrary = records.groups().findOwned(ALICE, "library").orElseThrow().id();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  private void addUser(long tenantId, long userId, String name) {
    records.useTransaction(
        tx -> {
          tx.accounts().insertTenantIfAbsent(tenantId, NOW);
          tx.accounts().insertUser(userId, tenantId, name, NOW);
          tx.groups().insertDefault("library", tenantId, userId, "Library", "GENERIC", NOW);
        });
  }

  @Test
  void anAssetReadsBackExactlyAsItWasWritten() {
    AssetRecord written =
        new AssetRecord(
            0,
            "ua_0123456789abcdef0123456789abcdef",
            1,
            ALICE,
            aliceLibrary,
            "Große Datei.mov",
            "processing",
            "VIRTUAL_PORTRAIT",
            "upload",
            "video",
            "Video",
            "video/quicktime",
            "mov",
            5_000_000_000L,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "ab/ab0123.mov",
            "delivery-original",
            "IMG_0001.MOV",
            1920,
            1080,
            12.345,
            29.97,
            "ab/ab0123_thumb.jpg",
            "delivery-thumb",
            "image/jpeg",
            "0000000000000000000000000000000000000000000000000000000000000000",
            NOW + 86_400_000L,
            "asset-remote-1",
            "group-remote-1",
            null,
            null,
            NOW,
            NOW + 1);

    long id = records.assets().insert(written);

    AssetRecord read = records.assets().findById(id).orElseThrow();
    assertThat(read).isEqualTo(withId(written, id));
    assertThat(records.assets().findStorageKeys(List.of("ab/ab0123_thumb.jpg", "ab/other.mov")))
        .containsExactly("ab/ab0123_thumb.jpg");
  }

  @Test
  void nullMediaFactsStayNull() {
    long id = insert("ua_audio", ALICE, aliceLibrary, "song", "audio/mpeg", NOW, null);

    AssetRecord read = records.assets().findById(id).orElseThrow();
    assertThat(read.width()).isNull();
    assertThat(read.durationSeconds()).isNull();
    assertThat(read.expiresAt()).isNull();
    assertThat(read.thumbnailDeliveryKey()).isNull();
  }

  @Test
  void bothDeliveryKeysFindTheAssetUntilItExpires() {
    long id = insert("ua_x", ALICE, aliceLibrary, "x", "image/png", NOW, NOW + 1000);
    records.assets().replaceDeliveryKeys(id, "original-key", "thumb-key", NOW);

    assertThat(records.deliveries().assetByDeliveryKey("original-key", NOW)).isPresent();
    assertThat(records.deliveries().assetByDeliveryKey("thumb-key", NOW + 999)).isPresent();
    assertThat(records.deliveries().assetByDeliveryKey("thumb-key", NOW + 1000)).isEmpty();
    assertThat(records.deliveries().assetByDeliveryKey("other-key", NOW)).isEmpty();
    assertThat(records.assets().findExpired(NOW + 1000, 10))
        .extracting(AssetRecord::id)
        .containsExactly(id);
  }

  @Test
  void theCountOfChangesMovesWithEveryWriteAndStandsStillForQueries() {
    long id = insert("ua_x", ALICE, aliceLibrary, "x", "image/png", NOW, null);
    long before = records.changes().count();

    records.assets().findById(id);
    records.deliveries().assetByDeliveryKey("no-such-key", NOW);
    assertThat(records.changes().count()).isEqualTo(before);

    insert("ua_y", ALICE, aliceLibrary, "y", "image/png", NOW, null);
    long afterInsert = records.changes().count();
    records.assets().replaceDeliveryKeys(id, "original-key", "thumb-key", NOW);
    long afterCall = records.changes().count();
    records.useTransaction(tx -> tx.assets().findById(id));
    long afterTransaction = records.changes().count();

    assertThat(afterInsert).isGreaterThan(before);
    assertThat(afterCall).isGreaterThan(afterInsert);
    assertThat(afterTransaction).isGreaterThan(afterCall);
  }

  @Test
  void nameSearchIgnoresCaseAndTakesWildcardsLiterally() {
    insert("ua_1", ALICE, aliceLibrary, "Summer_Beach.PNG", "image/png", NOW, null);
    insert("ua_2", ALICE, aliceLibrary, "summerXbeach.png", "image/png", NOW + 1, null);
    insert("ua_3", ALICE, aliceLibrary, "100% real", "image/png", NOW + 2, null);

    assertThat(names(filter().keyword("summer_beach", "%summer!_beach%")))
        .containsExactly("Summer_Beach.PNG");
    assertThat(names(filter().keyword("100%", "%100!%%"))).containsExactly("100% real");
    assertThat(names(filter().keyword("ua_2", "%ua!_2%"))).containsExactly("summerXbeach.png");
    assertThat(records.assets().listVisible(filter().keyword("beach", "%beach%").build()).total())
        .isEqualTo(2);
  }

  @Test
  void listingIsNewestFirstAndPagesWithoutGapsOrRepeats() {
    for (int i = 0; i < 7; i++) {
      insert("ua_p" + i, ALICE, aliceLibrary, "p" + i, "image/png", NOW + i / 2, null);
    }

    List<String> seen = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      seen.addAll(names(filter().page(3, offset)));
    }

    assertThat(seen).containsExactly("p6", "p5", "p4", "p3", "p2", "p1", "p0");
    assertThat(records.assets().listVisible(filter().build()).total()).isEqualTo(7);
  }

  @Test
  void aPageAfterAPositionStartsRightAfterItEvenAmongEqualTimes() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(insert("ua_k" + i, ALICE, aliceLibrary, "k" + i, "image/png", NOW, null));
    }

    assertThat(names(filter().after(NOW, ids.get(3)))).containsExactly("k2", "k1", "k0");
    assertThat(names(filter().after(NOW + 1, 0))).containsExactly("k4", "k3", "k2", "k1", "k0");
    assertThat(names(filter().after(NOW, ids.get(0)))).isEmpty();
    assertThat(records.assets().listVisible(filter().after(NOW, ids.get(3)).build()).total())
        .as("the count is of the whole list")
        .isEqualTo(5);
  }

  @Test
  void aFamilyFiltersOnTheMediaTypeAndAFullTypeOnTheDetectedOne() {
    insert("ua_png", ALICE, aliceLibrary, "png", "image/png", NOW, null);
    insert("ua_jpg", ALICE, aliceLibrary, "jpg", "image/jpeg", NOW + 1, null);
    insert("ua_mp3", ALICE, aliceLibrary, "mp3", "audio/mpeg", NOW + 2, null);

    assertThat(names(filter().family("image"))).containsExactly("jpg", "png");
    assertThat(names(filter().mimeType("image/png"))).containsExactly("png");
    assertThat(names(filter().mimeType("image/webp"))).isEmpty();
  }

  @Test
  void othersSeeAnAssetOnlyThroughAnUnexpiredShareAndNeverAcrossTenants() {
    long shared = insert("ua_shared", ALICE, aliceLibrary, "shared", "image/png", NOW, null);
    insert("ua_private", ALICE, aliceLibrary, "private", "image/png", NOW + 1, null);
    records.shares().upsert(1, "ASSET", shared, BOB, "READ", NOW + 500, NOW);
    records.shares().upsert(2, "ASSET", shared, CAROL, "READ", null, NOW);

    assertThat(names(new FilterBuilder(1, BOB, NOW))).containsExactly("shared");
    AssetAccessRecord seen = records.assets().findVisible(1, BOB, NOW, "ua_shared").orElseThrow();
    assertThat(seen.assetSharePermission()).isEqualTo("READ");
    assertThat(seen.ownerName()).isEqualTo("alice");
    assertThat(records.assets().findVisible(1, BOB, NOW + 500, "ua_shared")).isEmpty();
    assertThat(records.assets().findVisible(1, BOB, NOW, "ua_private")).isEmpty();
    assertThat(names(new FilterBuilder(2, CAROL, NOW))).isEmpty();
    assertThat(names(new FilterBuilder(1, BOB, NOW).ownedOnly())).isEmpty();
  }

  @Test
  void aGroupShareShowsTheGroupAndItsLiveAssets() {
    long album = records.groups().insert(group("ag_album", ALICE, "Album", "active"));
    insert("ua_in_album", ALICE, album, "in album", "image/png", NOW, null);
    insert("ua_expired", ALICE, album, "expired", "image/png", NOW, NOW - 1);
    records.shares().upsert(1, "GROUP", album, BOB, "EDIT", null, NOW);

    GroupAccessRecord seen = records.groups().findVisible(1, BOB, NOW, "ag_album").orElseThrow();
    assertThat(seen.assetCount()).isEqualTo(1);
    assertThat(seen.sharePermission()).isEqualTo("EDIT");
    assertThat(names(new FilterBuilder(1, BOB, NOW))).containsExactly("in album");
    assertThat(
            records
                .groups()
                .findVisible(1, BOB, NOW, "library")
                .orElseThrow()
                .group()
                .ownerUserId())
        .isEqualTo(BOB);
  }

  @Test
  void aShareIsOnePerTargetAndUserAndEndsAtItsExpiry() {
    long asset = insert("ua_s", ALICE, aliceLibrary, "s", "image/png", NOW, null);
    records.shares().upsert(1, "ASSET", asset, BOB, "READ", null, NOW);
    records.shares().upsert(1, "ASSET", asset, BOB, "EDIT", NOW + 10, NOW);

    ShareRecord share = records.shares().find("ASSET", asset, BOB).orElseThrow();
    assertThat(share.permission()).isEqualTo("EDIT");
    assertThat(share.granteeName()).isEqualTo("bob");
    assertThat(records.shares().listActive("ASSET", asset, NOW)).hasSize(1);
    assertThat(records.shares().listActive("ASSET", asset, NOW + 10)).isEmpty();
    assertThat(records.shares().findExpiredTargets(NOW + 10))
        .containsExactly(new ShareTarget("ASSET", asset));
    assertThat(records.shares().deleteExpired(NOW + 10)).isEqualTo(1);
    assertThat(records.shares().find("ASSET", asset, BOB)).isEmpty();
  }

  @Test
  void aPendingGroupIsActivatedOnce() {
    long id = records.groups().insert(group("ag_face", ALICE, "Face", "pending_validation"));
    assertThat(records.groups().findPendingValidation(10)).isEmpty();
    records.groups().updateVerification(id, "byted-token", "https://h5.example/x", NOW + 120, NOW);

    assertThat(records.groups().findPendingValidation(10))
        .extracting(GroupRecord::id)
        .containsExactly(id);
    assertThat(records.groups().activate(id, "remote-group", NOW)).isTrue();
    assertThat(records.groups().activate(id, "another-group", NOW)).isFalse();
    assertThat(records.groups().findOwned(ALICE, "ag_face").orElseThrow().providerGroupId())
        .isEqualTo("remote-group");
    assertThat(records.groups().findPendingValidation(10)).isEmpty();
    assertThat(records.groups().findOwned(ALICE, "ag_face").orElseThrow().h5Link()).isNull();
  }

  @Test
  void aQuotaCountsOnlyTheOwnersBytesAndStorageKeysAreFoundByEitherFile() {
    long id = insert("ua_q1", ALICE, aliceLibrary, "q1", "image/png", NOW, null);
    insert("ua_q2", ALICE, aliceLibrary, "q2", "image/png", NOW, null);
    long bobs = records.groups().findOwned(BOB, "library").orElseThrow().id();
    insert("ua_q3", BOB, bobs, "q3", "image/png", NOW, null);
    AssetRecord first = records.assets().findById(id).orElseThrow();

    assertThat(records.assets().sumSizeOwnedBy(ALICE)).isEqualTo(2 * 1234);
    assertThat(records.assets().sumSizeOwnedBy(CAROL)).isZero();
    assertThat(
            records
                .assets()
                .findStorageKeys(List.of(first.storageKey(), "nobody/has.this", "ua_q3/o.png")))
        .containsExactlyInAnyOrder(first.storageKey(), "ua_q3/o.png");
  }

  @Test
  void anIdempotencyKeyIsHeldOnceUntilItExpires() {
    long first = insert("ua_i1", ALICE, aliceLibrary, "i1", "image/png", NOW, null);
    long second = insert("ua_i2", ALICE, aliceLibrary, "i2", "image/png", NOW, null);
    var keys = records.idempotencyKeys();

    assertThat(keys.claim(ALICE, "key-1", "fp-1", first, NOW, NOW + 100)).isTrue();
    assertThat(keys.claim(ALICE, "key-1", "fp-2", second, NOW + 99, NOW + 199)).isFalse();
    assertThat(keys.claim(BOB, "key-1", "fp-3", second, NOW, NOW + 100)).isTrue();
    assertThat(keys.find(ALICE, "key-1", NOW + 99).orElseThrow().assetId()).isEqualTo("ua_i1");
    assertThat(keys.find(ALICE, "key-1", NOW + 100)).isEmpty();

    assertThat(keys.claim(ALICE, "key-1", "fp-2", second, NOW + 100, NOW + 200)).isTrue();
    assertThat(keys.find(ALICE, "key-1", NOW + 150).orElseThrow().fingerprint()).isEqualTo("fp-2");
    assertThat(keys.deleteExpired(NOW + 200)).isEqualTo(2);
  }

  @Test
  void aJobLeaseHasOneHolderUntilItExpiresOrIsGivenUp() {
    var leases = records.jobLeases();

    assertThat(leases.tryAcquire("sweep", "one", NOW, NOW + 100)).isTrue();
    assertThat(leases.tryAcquire("sweep", "two", NOW + 99, NOW + 199)).isFalse();
    assertThat(leases.tryAcquire("sweep", "one", NOW + 50, NOW + 150)).isTrue();
    assertThat(leases.tryAcquire("sweep", "two", NOW + 149, NOW + 249)).isFalse();
    assertThat(leases.tryAcquire("reconcile", "two", NOW, NOW + 100)).isTrue();
    assertThat(leases.tryAcquire("sweep", "two", NOW + 150, NOW + 250)).isTrue();

    leases.release("sweep", "one", NOW + 160);
    assertThat(leases.tryAcquire("sweep", "one", NOW + 160, NOW + 260)).isFalse();
    leases.release("sweep", "two", NOW + 170);
    assertThat(leases.tryAcquire("sweep", "one", NOW + 170, NOW + 270)).isTrue();
  }

  @Test
  void blobDeletionsQueueEachKeyOnceOldestFirstAndKeepTheFailedOnes() {
    var queue = records.blobDeletions();
    queue.enqueue("b/later", NOW + 1);
    queue.enqueue("a/first", NOW);
    queue.enqueue("b/later", NOW + 2);

    assertThat(queue.count()).isEqualTo(2);
    assertThat(queue.next(10)).containsExactly("a/first", "b/later");
    queue.failed("a/first", "bucket unavailable");
    queue.done("b/later");
    assertThat(queue.next(10)).containsExactly("a/first");
  }

  @Test
  void providerDeletionsComeAssetsBeforeGroupsAndStayUntilDone() {
    var queue = records.providerDeletions();
    queue.enqueue("GROUP", "group-1", NOW);
    queue.enqueue("ASSET", "asset-1", NOW + 1);
    queue.enqueue("ASSET", "asset-2", NOW + 2);

    List<ProviderDeletionRecord> owed = queue.next(10);
    assertThat(owed)
        .extracting(ProviderDeletionRecord::providerId)
        .containsExactly("asset-1", "asset-2", "group-1");
    queue.failed(owed.get(0).id(), "InternalError: try later");
    queue.done(List.of(owed.get(1).id()));

    assertThat(queue.next(10))
        .extracting(ProviderDeletionRecord::providerId)
        .containsExactly("asset-1", "group-1");
    assertThat(queue.next(10).get(0).attempts()).isEqualTo(1);
    assertThat(queue.next(10).get(0).lastError()).isEqualTo("InternalError: try later");
  }

  @Test
  void anAssetIsOwedAProviderDeleteByItsIdOrByItsUrlWhenTheIdNeverCameBack() {
    long unconfirmed = insert("ua_u1", ALICE, aliceLibrary, "u1", "image/png", NOW, null);
    long confirmed = insert("ua_u2", ALICE, aliceLibrary, "u2", "image/png", NOW, null);
    long untried = insert("ua_u3", ALICE, aliceLibrary, "u3", "image/png", NOW, null);
    records.assets().startRegistration(unconfirmed, "https://old.example/files/a.png", NOW);
    records.assets().startRegistration(unconfirmed, "https://assets.example/files/a.png", NOW + 1);
    records.assets().startRegistration(confirmed, "https://assets.example/files/b.png", NOW);
    assertThat(records.assets().recordProviderAsset(confirmed, "asset-9", NOW)).isTrue();

    records.providerDeletions().enqueueAssets(List.of(unconfirmed, confirmed, untried), NOW);

    assertThat(records.assets().registrationUrl(unconfirmed))
        .hasValue("https://assets.example/files/a.png");
    assertThat(records.assets().registrationUrl(untried)).isEmpty();
    List<ProviderDeletionRecord> owed = records.providerDeletions().next(10);
    assertThat(owed).hasSize(2);
    assertThat(owed.get(0))
        .satisfies(
            byUrl -> {
              assertThat(byUrl.byUrl()).isTrue();
              assertThat(byUrl.providerId()).isEqualTo("https://assets.example/files/a.png");
              assertThat(byUrl.providerGroupId()).isEqualTo("remote-group");
            });
    assertThat(owed.get(1).byUrl()).isFalse();
    assertThat(owed.get(1).providerId()).isEqualTo("asset-9");
    records.assets().deleteAll(List.of(unconfirmed));
    assertThat(records.assets().recordProviderAsset(unconfirmed, "asset-10", NOW)).isFalse();
  }

  @Test
  void aTransactionThatThrowsLeavesNothingBehind() {
    assertThatThrownBy(
            () ->
                records.useTransaction(
                    tx -> {
                      insert(tx, "ua_t", ALICE, aliceLibrary, "t", "image/png", NOW, null);
                      tx.blobDeletions().enqueue("t/key", NOW);
                      throw new IllegalStateException("stop");
                    }))
        .hasMessage("stop");

    assertThat(records.assets().count()).isZero();
    assertThat(records.blobDeletions().count()).isZero();
  }

  @Test
  void keysAndUsersBelongToOneTenant() {
    records.apiKeys().insert(BOB, "hash-of-bob", "…bob", NOW);

    assertThat(records.apiKeys().findByHash("hash-of-bob").orElseThrow().tenantId()).isEqualTo(1);
    assertThat(records.apiKeys().disable("hash-of-bob", NOW + 1)).isEqualTo(1);
    assertThat(records.apiKeys().disable("hash-of-bob", NOW + 2)).isZero();
    assertThat(records.apiKeys().findByHash("hash-of-bob").orElseThrow().disabledAt())
        .isEqualTo(NOW + 1);
    assertThat(records.accounts().findUserInTenant(1, BOB)).isPresent();
    assertThat(records.accounts().findUserInTenant(2, BOB)).isEmpty();
  }

  private long insert(
      String assetId,
      long owner,
      long groupId,
      String name,
      String mimeType,
      long createdAt,
      Long expiresAt) {
    return insert(records, assetId, owner, groupId, name, mimeType, createdAt, expiresAt);
  }

  private static long insert(
      RecordStore store,
      String assetId,
      long owner,
      long groupId,
      String name,
      String mimeType,
      long createdAt,
      Long expiresAt) {
    return store
        .assets()
        .insert(
            Fixtures.asset(
                owner == CAROL ? 2 : 1,
                assetId,
                owner,
                groupId,
                name,
                mimeType,
                "active",
                createdAt,
                expiresAt));
  }

  private static AssetRecord withId(AssetRecord r, long id) {
    return new AssetRecord(
        id,
        r.assetId(),
        r.tenantId(),
        r.ownerUserId(),
        r.groupId(),
        r.name(),
        r.status(),
        r.assetKind(),
        r.sourceType(),
        r.mediaType(),
        r.assetType(),
        r.mimeType(),
        r.fileType(),
        r.sizeBytes(),
        r.sha256(),
        r.storageKey(),
        r.deliveryKey(),
        r.originalFilename(),
        r.width(),
        r.height(),
        r.durationSeconds(),
        r.frameRate(),
        r.thumbnailStorageKey(),
        r.thumbnailDeliveryKey(),
        r.thumbnailMimeType(),
        r.thumbnailSha256(),
        r.expiresAt(),
        r.byteplusAssetId(),
        r.providerGroupId(),
        r.providerErrorCode(),
        r.providerErrorMessage(),
        r.createdAt(),
        r.updatedAt());
  }

  private static GroupRecord group(String publicId, long owner, String name, String status) {
    return new GroupRecord(
        0,
        publicId,
        1,
        owner,
        name,
        "GENERIC",
        status,
        false,
        null,
        null,
        "about " + name,
        30,
        null,
        null,
        null,
        null,
        NOW,
        NOW);
  }

  private List<String> names(FilterBuilder filter) {
    return records.assets().listVisible(filter.build()).rows().stream()
        .map(a -> a.asset().name())
        .toList();
  }

  private FilterBuilder filter() {
    return new FilterBuilder(1, ALICE, NOW);
  }
}
