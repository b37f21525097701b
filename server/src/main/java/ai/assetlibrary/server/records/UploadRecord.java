package ai.assetlibrary.server.records;

/**
 * A resumable upload while its bytes arrive, and after, until it expires.
 *
 * @param uploadId the public id in the upload's URL
 * @param ownerUserId who started it: the only caller who sees it
 * @param uploadLength the file's size, as declared
 * @param receivedBytes how many of its bytes are durably held
 * @param metadata the {@code Upload-Metadata} it was started with, or null
 * @param detectedType the type detected from its first bytes, once they are held
 * @param storageKey the blob key its bytes become, once the type is known
 * @param storeState the blob store's own record of the held bytes (opaque here), or null
 * @param lockToken who may append now, or null; valid until {@code lockedUntil}
 * @param assetId the asset it became, once finished
 */
public record UploadRecord(
    long id,
    String uploadId,
    long tenantId,
    long ownerUserId,
    long uploadLength,
    long receivedBytes,
    String metadata,
    String detectedType,
    String storageKey,
    String storeState,
    String idempotencyKey,
    String fingerprint,
    String lockToken,
    long lockedUntil,
    String assetId,
    long createdAt,
    long updatedAt,
    long expiresAt) {

  /** The upload as an append left it: more bytes held, the type once known, the lock released. */
  public UploadRecord appended(
      long receivedBytes, String detectedType, String storageKey, String storeState, long now) {
    boolean released = receivedBytes < uploadLength;
    return new UploadRecord(
        id,
        uploadId,
        tenantId,
        ownerUserId,
        uploadLength,
        receivedBytes,
        metadata,
        detectedType,
        storageKey,
        storeState,
        idempotencyKey,
        fingerprint,
        released ? null : lockToken,
        released ? 0 : lockedUntil,
        assetId,
        createdAt,
        now,
        expiresAt);
  }

  public boolean finished() {
    return assetId != null;
  }

  public boolean allReceived() {
    return receivedBytes == uploadLength;
  }
}
