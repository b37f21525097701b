import ai.assetlibrary.server.AssetLibrary;
import ai.assetlibrary.server.ServerConfig;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Grows one user's library for the large-library benchmark, through the server's own record store
 * (the configuration comes from the same {@code ASSETS_*} variables as the server's): clones of an
 * asset the user uploaded, each with its own public id, name ({@code PREFIX-N.jpg}, PREFIX {@code
 * photo} unless given, N counting the database's records), storage keys and delivery URLs, created one millisecond apart before it, a thousand to a transaction. The clones are records only: listing,
 * searching and counting see them like any asset, but their files were never stored, so they are
 * for measuring the library, not for downloading.
 *
 * <pre>
 * ASSETS_DATA_DIR=… java -cp server/target/asset-server.jar bench/src/FillLibrary.java \
 *     TENANT USER ASSET_ID COUNT [PREFIX]
 * </pre>
 *
 * Prints how many clones it made and how long that took.
 */
public final class FillLibrary {

  private static final int BATCH = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  public static void main(String[] args) throws Exception {
    long tenantId = Long.parseLong(args[0]);
    long userId = Long.parseLong(args[1]);
    String assetId = args[2];
    int count = Integer.parseInt(args[3]);
    String prefix = args.length > 4 ? args[4] : "photo";
    long started = System.nanoTime();
    try (AssetLibrary library = AssetLibrary.forCommand(ServerConfig.fromEnvironment(System.getenv()))) {
      library.awaitReady();
      RecordStore records = library.records();
      AssetRecord template =
          records
              .assets()
              .findVisible(tenantId, userId, System.currentTimeMillis(), assetId)
              .orElseThrow(() -> new IllegalArgumentException("No asset " + assetId + " for that user"))
              .asset();
      // Older than every clone an earlier run made: one millisecond per asset already recorded.
      long recorded = records.assets().count();
      long oldest = template.createdAt() - recorded;
      for (int done = 0; done < count; done += BATCH) {
        int first = done;
        int batch = Math.min(BATCH, count - done);
        records.useTransaction(
            tx -> {
              for (int i = 0; i < batch; i++) {
                long serial = recorded + first + i;
                tx.assets().insert(cloneOf(template, prefix + "-" + serial + ".jpg", oldest - 1 - first - i));
              }
            });
      }
    }
    System.out.printf(
        "%d clones of %s in %.1f s%n", count, assetId, (System.nanoTime() - started) / 1e9);
  }

  private static AssetRecord cloneOf(AssetRecord t, String name, long createdAt) {
    String id = "ua_" + hex(16);
    return new AssetRecord(
        0, id, t.tenantId(), t.ownerUserId(), t.groupId(), name, t.status(), t.assetKind(),
        t.sourceType(), t.mediaType(), t.assetType(), t.mimeType(), t.fileType(), t.sizeBytes(),
        t.sha256(), "bench/" + id + "." + t.fileType(), token(), t.originalFilename(), t.width(),
        t.height(), t.durationSeconds(), t.frameRate(),
        t.thumbnailStorageKey() == null ? null : "bench/" + id + "_thumb.jpg",
        t.thumbnailStorageKey() == null ? null : token(), t.thumbnailMimeType(),
        t.thumbnailSha256(), t.expiresAt(), null, null, null, null, createdAt, createdAt);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String token() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
