package ai.assetlibrary.server.provider;

import java.net.URI;
import java.util.Optional;

/** Stands in when no provider is configured: every operation is unavailable, and says why. */
public final class UnconfiguredProvider implements AssetProvider {

  private static final String WHY =
      "No asset provider is configured (set ASSETS_BYTEPLUS_ENDPOINT, ASSETS_BYTEPLUS_ACCESS_KEY"
          + " and ASSETS_BYTEPLUS_SECRET_KEY).";

  @Override
  public String createAssetGroup(String name, String description) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public String createAsset(String providerGroupId, URI url, String assetType, String name)
      throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public Optional<String> findAsset(String providerGroupId, URI url) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public ProviderAsset getAsset(String providerAssetId) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public ValidationSession createValidationSession(URI callbackUrl) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public Optional<String> getValidationResult(String bytedToken) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public void deleteAsset(String providerAssetId) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }

  @Override
  public void deleteAssetGroup(String providerGroupId) throws ProviderException {
    throw ProviderException.unavailable(WHY);
  }
}
