package ai.assetlibrary.server.db;

/** A row of {@code assets}. */
public record AssetRow(
    long id,
    String assetId,
    long tenantId,
    long ownerUserId,
    long groupId,
    String name,
    String status,
    String assetKind,
    String sourceType,
    String mediaType,
    String assetType,
    String mimeType,
    String fileType,
    long sizeBytes,
    String sha256,
    String storageKey,
    String deliveryKey,
    String originalFilename,
    long createdAt,
    long updatedAt) {

  /** The same row with the id the database assigned. */
  public AssetRow withId(long newId) {
    return new AssetRow(
        newId,
        assetId,
        tenantId,
        ownerUserId,
        groupId,
        name,
        status,
        assetKind,
        sourceType,
        mediaType,
        assetType,
        mimeType,
        fileType,
        sizeBytes,
        sha256,
        storageKey,
        deliveryKey,
        originalFilename,
        createdAt,
        updatedAt);
  }
}
