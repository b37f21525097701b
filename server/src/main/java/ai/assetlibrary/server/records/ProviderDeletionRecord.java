package ai.assetlibrary.server.records;

/**
 * A row of {@code provider_deletions}: a delete the provider still owes us.
 *
 * @param providerId the provider's id of the asset or group; or, when {@code providerGroupId} is
 *     set, the URL an asset whose id never came back was registered from, to be looked up there
 */
public record ProviderDeletionRecord(
    long id,
    String targetType,
    String providerId,
    String providerGroupId,
    int attempts,
    String lastError,
    long createdAt) {

  /** Whether the asset is to be found by its URL first. */
  public boolean byUrl() {
    return providerGroupId != null;
  }
}
