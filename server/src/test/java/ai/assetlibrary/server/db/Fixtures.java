package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.GroupRecord;

/** Records for the record store tests: plain media facts, a group at the provider. */
final class Fixtures {

  private Fixtures() {}

  /**
   * An asset of {@code mimeType} (its family the part before the slash) in {@code groupId}, of 1234
   * bytes.
   */
  static AssetRecord asset(
      long tenantId,
      String assetId,
      long owner,
      long groupId,
      String name,
      String mimeType,
      String status,
      long createdAt,
      Long expiresAt) {
    String family = mimeType.substring(0, mimeType.indexOf('/'));
    String fileType = mimeType.substring(mimeType.indexOf('/') + 1);
    return new AssetRecord(
        0,
        assetId,
        tenantId,
        owner,
        groupId,
        name,
        status,
        "GENERIC",
        "upload",
        family,
        family,
        mimeType,
        fileType,
        1234,
        "ff".repeat(32),
        assetId + "/o." + fileType,
        assetId + "-delivery",
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        expiresAt,
        null,
        "remote-group",
        null,
        null,
        createdAt,
        createdAt);
  }

  /** An active group of {@code owner}'s in tenant 1, not at the provider. */
  static GroupRecord group(String publicId, long owner, long now) {
    return new GroupRecord(
        0, publicId, 1, owner, publicId, "GENERIC", "active", false, null, null, null, null, null,
        null, null, null, now, now);
  }
}
