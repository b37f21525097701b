package ai.assetlibrary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.records.AssetFilter;
import ai.assetlibrary.server.records.AssetPage;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupFilter;
import ai.assetlibrary.server.records.RecordStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list queries on each database: the totals and asset counts kept by tallies equal a plain
 * {@code COUNT(*)} after concurrent uploads, deletes, status changes, retention sweeps and share
 * changes; a keyword that finds more than can be counted cheaply still pages every match; and no
 * list query reads the assets table from end to end.
 */
public abstract class ListQueryContract {

  static final long NOW = 1_796_000_000_000L;
  static final long ALICE = 10;
  static final long BOB = 11;
  static final long CAROL = 12;
  static final String[] TYPES = {"image/png", "image/jpeg", "video/mp4", "audio/mpeg"};

  /**
   * Visibility and the list filters, written plainly, one query over everything: the definition the
   * indexed queries must agree with.
   */
  static final String PLAIN_VISIBLE =
      """
      SELECT a.id FROM assets a
      JOIN users u ON u.id = a.owner_user_id
      LEFT JOIN shares sa ON sa.target_type = 'ASSET' AND sa.target_id = a.id
          AND sa.grantee_user_id = :userId AND (sa.expires_at IS NULL OR sa.expires_at > :now)
      LEFT JOIN shares sg ON sg.target_type = 'GROUP' AND sg.target_id = a.group_id
          AND sg.grantee_user_id = :userId AND (sg.expires_at IS NULL OR sg.expires_at > :now)
      WHERE a.tenant_id = :tenantId
        AND (a.expires_at IS NULL OR a.expires_at > :now)
        AND (a.owner_user_id = :userId OR sa.id IS NOT NULL OR sg.id IS NOT NULL)
        AND (:groupId IS NULL OR a.group_id = :groupId)
        AND (:keyword IS NULL OR a.asset_id = :keyword OR lower(a.name) LIKE :namePattern ESCAPE '!')
        AND (:mediaFamily IS NULL OR a.media_type = :mediaFamily)
        AND (:mimeType IS NULL OR a.mime_type = :mimeType)
        AND (:status IS NULL OR a.status = :status)
        AND (NOT :ownedOnly OR a.owner_user_id = :userId)
        AND (:createdBy IS NULL OR u.name = :createdBy)
      ORDER BY a.created_at DESC, a.id DESC
      """;

  private Database database;
  private final QueryPlans plans = new QueryPlans();
  RecordStore records;
  Jdbi jdbi;
  long aliceLibrary;
  long aliceShots;
  long bobLibrary;
  long bobTeam;

  /** A new, empty database (not yet migrated). */
  protected abstract Database open();

  @BeforeEach
  void fillAccounts() {
    database = open();
    database.migrate();
    jdbi = Jdbi.create(database::connection).installPlugin(new SqlObjectPlugin());
    jdbi.setSqlLogger(plans);
    records = new JdbiRecordStore(jdbi, database.dialect());
    for (long user : List.of(ALICE, BOB, CAROL)) {
      String name = user == ALICE ? "alice" : user == BOB ? "bob" : "carol";
      records.useTransaction(
          tx -> {
            tx.accounts().insertTenantIfAbsent(1, NOW);
            tx.accounts().insertUser(user, 1, name, NOW);
            tx.groups().insertDefault("library", 1, user, "Library", "GENERIC", NOW);
          });
    }
    aliceLibrary = records.groups().findOwned(ALICE, "library").orElseThrow().id();
    bobLibrary = records.groups().findOwned(BOB, "library").orElseThrow().id();
    aliceShots = records.groups().insert(Fixtures.group("ag_shots", ALICE, NOW));
    bobTeam = records.groups().insert(Fixtures.group("ag_team", BOB, NOW));
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void totalsAndAssetCountsEqualACountAfterConcurrentChanges() throws Exception {
    long[] groups = {aliceLibrary, aliceShots, bobLibrary, bobTeam};
    long[] owners = {ALICE, ALICE, BOB, BOB};
    AtomicInteger serial = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int worker = 0; worker < 4; worker++) {
        Random random = new Random(worker);
        done.add(
            workers.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  for (int step = 0; step < 60; step++) {
                    int g = random.nextInt(groups.length);
                    int n = serial.incrementAndGet();
                    Long expiresAt =
                        switch (random.nextInt(4)) {
                          case 0 -> NOW - 1;
                          case 1 -> NOW + 60_000;
                          default -> null;
                        };
                    long id =
                        records
                            .assets()
                            .insert(
                                Fixtures.asset(
                                    1,
                                    "ua_" + n,
                                    owners[g],
                                    groups[g],
                                    "shot " + n,
                                    TYPES[random.nextInt(TYPES.length)],
                                    random.nextBoolean() ? "active" : "processing",
                                    NOW - n,
                                    expiresAt));
                    mine.add(id);
                    switch (random.nextInt(6)) {
                      case 0 -> records.assets().deleteAll(List.of(mine.remove(0)));
                      case 1 ->
                          records
                              .assets()
                              .updateProviderStatus(mine.get(0), "failed", "E", "gone", NOW);
                      case 2 ->
                          records
                              .shares()
                              .upsert(1, "ASSET", id, CAROL, "READ", expiry(random), NOW);
                      case 3 ->
                          records
                              .shares()
                              .upsert(1, "GROUP", groups[g], CAROL, "READ", expiry(random), NOW);
                      case 4 -> records.shares().delete("GROUP", groups[g], CAROL);
                      default -> sweepExpired();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdown();
    }

    for (long user : List.of(ALICE, BOB, CAROL)) {
      for (FilterBuilder filter : filtersOf(user)) {
        AssetFilter asked = filter.build();
        List<Long> plain =
            jdbi.withHandle(
                h -> h.createQuery(PLAIN_VISIBLE).bindMethods(asked).mapTo(Long.class).list());
        AssetPage page = records.assets().listVisible(asked);
        assertThat(page.total()).as("total of %s", asked).isEqualTo(plain.size());
        assertThat(page.rows().stream().map(r -> r.asset().id()))
            .as("list of %s", asked)
            .containsExactlyElementsOf(
                plain.subList(
                    (int) Math.min(plain.size(), asked.offset()),
                    (int) Math.min(plain.size(), asked.offset() + asked.limit())));
      }
    }
    String[] publicIds = {"library", "ag_shots", "library", "ag_team"};
    for (int g = 0; g < groups.length; g++) {
      long group = groups[g];
      long live =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT count(*) FROM assets WHERE group_id = :g"
                              + " AND (expires_at IS NULL OR expires_at > :now)")
                      .bind("g", group)
                      .bind("now", NOW)
                      .mapTo(Long.class)
                      .one());
      assertThat(
              records
                  .groups()
                  .findVisible(1, owners[g], NOW, publicIds[g])
                  .orElseThrow()
                  .assetCount())
          .isEqualTo(live);
    }
    long aliceBytes =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT coalesce(sum(size_bytes), 0) FROM assets WHERE owner_user_id = 10")
                    .mapTo(Long.class)
                    .one());
    assertThat(records.assets().sumSizeOwnedBy(ALICE)).isEqualTo(aliceBytes);
  }

  @Test
  void noListQueryReadsEveryAsset() {
    for (int n = 0; n < 30; n++) {
      long group = n % 3 == 0 ? bobTeam : aliceShots;
      records
          .assets()
          .insert(
              Fixtures.asset(
                  1,
                  "ua_" + n,
                  n % 3 == 0 ? BOB : ALICE,
                  group,
                  "summer " + n,
                  TYPES[n % TYPES.length],
                  "active",
                  NOW - n,
                  null));
    }
    records.shares().upsert(1, "GROUP", bobTeam, ALICE, "READ", null, NOW);
    records.shares().upsert(1, "ASSET", 1, BOB, "READ", null, NOW);
    plans.explainOn(database.dialect());
    for (FilterBuilder filter : filtersOf(ALICE)) {
      records.assets().listVisible(filter.build());
      records.assets().listVisible(filter.after(NOW - 5, 5).build());
    }
    records.groups().listVisible(groupFilter(ALICE));
    records.groups().countVisible(groupFilter(ALICE));
    assertThat(plans.explained()).isGreaterThan(50);
    assertThat(plans.fullScansOfAssets()).isEmpty();
  }

  @Test
  void aKeywordFoundMoreThanTenThousandTimesCountsTenThousandAndStillPagesEveryMatch() {
    int many = (int) AssetPage.COUNTED_MATCHES + 200;
    for (int from = 0; from < many; from += 1_000) {
      int first = from;
      records.useTransaction(
          tx -> {
            for (int n = first; n < Math.min(many, first + 1_000); n++) {
              long group = n % 100 == 0 ? bobTeam : n % 100 == 1 ? bobLibrary : aliceShots;
              long owner = group == aliceShots ? ALICE : BOB;
              tx.assets()
                  .insert(
                      Fixtures.asset(
                          1,
                          "ua_" + n,
                          owner,
                          group,
                          "Camera " + n,
                          TYPES[n % TYPES.length],
                          "active",
                          NOW - (n * 7_919L) % 5_000,
                          null));
            }
          });
    }
    records.shares().upsert(1, "GROUP", bobTeam, ALICE, "READ", null, NOW);
    FilterBuilder everyName = new FilterBuilder(1, ALICE, NOW).keyword("camera", "%camera%");
    List<Long> plain = plainVisible(everyName.build());
    assertThat(plain).hasSizeGreaterThan((int) AssetPage.COUNTED_MATCHES);
    FilterBuilder few = new FilterBuilder(1, ALICE, NOW).keyword("camera 100", "%camera 100%");
    List<Long> plainFew = plainVisible(few.build());
    plans.explainOn(database.dialect());

    AssetPage first = records.assets().listVisible(everyName.build());
    assertThat(first.total()).isEqualTo(AssetPage.COUNTED_MATCHES);
    assertThat(first.totalExact()).isFalse();
    assertThat(ids(first)).containsExactlyElementsOf(plain.subList(0, 100));
    AssetPage deepest = records.assets().listVisible(everyName.page(100, 9_900).build());
    assertThat(ids(deepest)).containsExactlyElementsOf(plain.subList(9_900, 10_000));
    AssetRecord middle = records.assets().findById(plain.get(4_999)).orElseThrow();
    AssetPage after =
        records
            .assets()
            .listVisible(
                new FilterBuilder(1, ALICE, NOW)
                    .keyword("camera", "%camera%")
                    .after(middle.createdAt(), middle.id())
                    .build());
    assertThat(ids(after)).containsExactlyElementsOf(plain.subList(5_000, 5_100));

    AssetPage found = records.assets().listVisible(few.build());
    assertThat(found.totalExact()).isTrue();
    assertThat(found.total()).isEqualTo(plainFew.size());
    assertThat(ids(found)).containsExactlyElementsOf(plainFew.subList(0, 100));
    AssetPage byPublicId =
        records
            .assets()
            .listVisible(new FilterBuilder(1, ALICE, NOW).keyword("ua_7", "%ua!_7%").build());
    assertThat(byPublicId.total()).isEqualTo(1);
    assertThat(byPublicId.totalExact()).isTrue();
    assertThat(plans.fullScansOfAssets()).isEmpty();

    FilterBuilder twoLetters = new FilterBuilder(1, ALICE, NOW).keyword("ca", "%ca%");
    AssetPage shortKeyword = records.assets().listVisible(twoLetters.build());
    assertThat(shortKeyword.total()).isEqualTo(AssetPage.COUNTED_MATCHES);
    assertThat(shortKeyword.totalExact()).isFalse();
    assertThat(ids(shortKeyword)).containsExactlyElementsOf(plain.subList(0, 100));
  }

  private List<Long> plainVisible(AssetFilter filter) {
    return jdbi.withHandle(
        h -> h.createQuery(PLAIN_VISIBLE).bindMethods(filter).mapTo(Long.class).list());
  }

  private static List<Long> ids(AssetPage page) {
    return page.rows().stream().map(row -> row.asset().id()).toList();
  }

  private List<FilterBuilder> filtersOf(long user) {
    return List.of(
        new FilterBuilder(1, user, NOW),
        new FilterBuilder(1, user, NOW).ownedOnly(),
        new FilterBuilder(1, user, NOW).group(aliceShots),
        new FilterBuilder(1, user, NOW).group(bobTeam),
        new FilterBuilder(1, user, NOW).family("video"),
        new FilterBuilder(1, user, NOW).mimeType("image/png"),
        new FilterBuilder(1, user, NOW).status("processing"),
        new FilterBuilder(1, user, NOW).createdBy("bob"),
        new FilterBuilder(1, user, NOW).createdBy("alice").family("image").status("active"),
        new FilterBuilder(1, user, NOW).group(bobTeam).mimeType("audio/mpeg").ownedOnly(),
        new FilterBuilder(1, user, NOW).keyword("hot 1", "%hot 1%"),
        new FilterBuilder(1, user, NOW).keyword("ummer", "%ummer%").family("image"),
        new FilterBuilder(1, user, NOW).page(5, 10));
  }

  private static GroupFilter groupFilter(long user) {
    return new GroupFilter(
        1, user, NOW, null, null, null, null, false, null, 21, 0, null, null, null);
  }

  /** What the retention sweep does: the expired assets, a batch at a time, deleted. */
  private void sweepExpired() {
    records.useTransaction(
        tx -> {
          List<Long> expired =
              tx.assets().findExpired(NOW, 3).stream().map(AssetRecord::id).toList();
          if (!expired.isEmpty()) {
            tx.assets().deleteAll(expired);
          }
        });
  }

  private static Long expiry(Random random) {
    return random.nextBoolean() ? null : NOW - 1;
  }
}
