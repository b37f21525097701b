package ai.assetlibrary.server.provider;

import java.net.URI;
import java.util.Optional;

/** The upstream asset provider (BytePlus ModelArk), as the services use it. */
public interface AssetProvider {

  /** Creates a Virtual Portrait ({@code AIGC}) asset group; returns the provider's group id. */
  String createAssetGroup(String name, String description) throws ProviderException;

  /**
   * Registers an asset that the provider downloads from {@code url}; returns the provider's asset
   * id. {@code assetType} is {@code Image}, {@code Video} or {@code Audio}. Throttling is retried;
   * a call whose outcome is unknown (no answer, a 5xx) is not, since the provider may have created
   * the asset: it fails as unavailable, and {@link #findAsset} tells whether it was created.
   */
  String createAsset(String providerGroupId, URI url, String assetType, String name)
      throws ProviderException;

  /**
   * The provider's id of the asset in {@code providerGroupId} that was registered from {@code url},
   * if there is one ({@code ListAssets}, page by page).
   */
  Optional<String> findAsset(String providerGroupId, URI url) throws ProviderException;

  /** Starts a real-person verification whose result the provider reports to {@code callbackUrl}. */
  ValidationSession createValidationSession(URI callbackUrl) throws ProviderException;

  /** The verified group's provider id once the person has finished; empty while pending. */
  Optional<String> getValidationResult(String bytedToken) throws ProviderException;

  /** The provider's view of an asset it was asked to create. */
  ProviderAsset getAsset(String providerAssetId) throws ProviderException;

  /** Deletes an asset at the provider; refused with {@code ResourceNotFound} if it is gone. */
  void deleteAsset(String providerAssetId) throws ProviderException;

  /** Deletes a group at the provider; refused with {@code ResourceNotFound} if it is gone. */
  void deleteAssetGroup(String providerGroupId) throws ProviderException;
}
