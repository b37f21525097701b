package ai.assetlibrary.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.assetlibrary.client.ApiClient;
import ai.assetlibrary.client.ApiException;
import ai.assetlibrary.client.api.AssetGroupsApi;
import ai.assetlibrary.client.api.AssetsApi;
import ai.assetlibrary.client.api.DeliveryApi;
import ai.assetlibrary.client.model.Asset;
import ai.assetlibrary.client.model.AssetGroup;
import ai.assetlibrary.client.model.ErrorResponse;
import ai.assetlibrary.client.model.GroupKind;
import ai.assetlibrary.client.model.ServiceCode;
import ai.assetlibrary.client.model.Share;
import ai.assetlibrary.client.model.SharePermission;
import ai.assetlibrary.client.model.ShareRequest;
import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client a consumer generates from {@code api/openapi.yaml} (openapi-generator {@code
 * java}, native HTTP client, default settings) works against the real server.
 */
class JavaClientTest extends ServerTest {

  private static final long OTHER_USER = 5002;

  @TempDir Path dir;

  @Test
  void uploadsReadsBackListsSharesAndDeletes() throws ApiException, IOException {
    String otherKey = server.createKey(1001, OTHER_USER, "bob");
    AssetsApi owner = new AssetsApi(client(key));
    AssetsApi other = new AssetsApi(client(otherKey));
    byte[] png = TestMedia.png(64, 48);
    File file = Files.write(dir.resolve("client.png"), png).toFile();

    String idempotencyKey = "java-client-" + System.nanoTime();
    Asset uploaded =
        owner.uploadAsset(file, idempotencyKey, "From Java", "library", null, null).getData();
    Asset retried =
        owner.uploadAsset(file, idempotencyKey, "From Java", "library", null, null).getData();
    assertThat(retried.getAssetId())
        .as("a retry under the same key")
        .isEqualTo(uploaded.getAssetId());
    assertThat(uploaded.getName()).isEqualTo("From Java");
    assertThat(uploaded.getMimeType()).isEqualTo("image/png");
    assertThat(uploaded.getWidth()).isEqualTo(64);
    String assetId = uploaded.getAssetId();

    Asset read = owner.getAsset(assetId).getData();
    assertThat(read.getSizeBytes()).isEqualTo(png.length);
    String deliveryKey = Path.of(read.getUrl().getPath()).getFileName().toString();
    DeliveryApi delivery = new DeliveryApi(client(null));
    File content =
        delivery.downloadAssetContent(
            deliveryKey, null, null, null, null, null, null, null, null, null, null);
    assertThat(Files.readAllBytes(content.toPath())).isEqualTo(png);
    File tile =
        delivery.downloadAssetContent(
            deliveryKey, null, null, null, 32, 32, "cover", "png", null, null, null);
    BufferedImage tileImage = ImageIO.read(tile);
    assertThat(tileImage.getWidth()).as("a 32 px rendition for a grid tile").isEqualTo(32);
    assertThat(tileImage.getHeight()).isEqualTo(32);

    assertThat(
            owner
                .listAssets(1, 20, null, null, null, null, null, null, null, null)
                .getData()
                .getRecords())
        .extracting(Asset::getAssetId)
        .containsExactly(assetId);

    Share share =
        owner
            .shareAsset(
                assetId, new ShareRequest().userId(OTHER_USER).permission(SharePermission.READ))
            .getData();
    assertThat(share.getUserId()).isEqualTo(OTHER_USER);
    assertThat(other.getAsset(assetId).getData().getShared()).isTrue();
    assertThat(owner.listAssetShares(assetId).getData().getRecords())
        .extracting(Share::getUserId)
        .containsExactly(OTHER_USER);

    owner.deleteAsset(assetId);
    ApiException gone = catchThrowableOfType(ApiException.class, () -> owner.getAsset(assetId));
    assertThat(gone.getCode()).isEqualTo(404);
    assertThat(gone.getResponseBody()).contains("\"serviceCode\":\"ASSET_NOT_FOUND\"");
    assertThat(
            owner
                .listAssets(1, 20, null, null, null, null, null, null, null, null)
                .getData()
                .getTotal())
        .isZero();
  }

  @Test
  void readsRecordsWhoseEnumsHaveValuesOfALaterContract() throws Exception {
    String otherKey = server.createKey(1001, OTHER_USER, "bob");
    byte[] png = TestMedia.png(32, 32);
    File file = Files.write(dir.resolve("later.png"), png).toFile();
    String assetId =
        new AssetsApi(client(key))
            .uploadAsset(file, null, "Later", "library", null, null)
            .getData()
            .getAssetId();
    new AssetsApi(client(key))
        .shareAsset(
            assetId, new ShareRequest().userId(OTHER_USER).permission(SharePermission.READ));

    try (LaterContractServer later = LaterContractServer.inFrontOf(server.uri(""))) {
      AssetsApi owner = new AssetsApi(client(later.uri(), key));
      Asset seen = new AssetsApi(client(later.uri(), otherKey)).getAsset(assetId).getData();
      Share share = owner.listAssetShares(assetId).getData().getRecords().get(0);
      AssetGroup library =
          new AssetGroupsApi(client(later.uri(), key)).getAssetGroup("library").getData();
      ApiException missing =
          catchThrowableOfType(
              ApiException.class, () -> owner.getAsset("ua_00000000000000000000000000000000"));
      ErrorResponse error =
          ApiClient.createDefaultObjectMapper()
              .readValue(missing.getResponseBody(), ErrorResponse.class);

      assertThat(seen.getSharePermission()).isEqualTo(SharePermission.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(seen.getAssetId()).isEqualTo(assetId);
      assertThat(seen.getMediaType()).isEqualTo("image/png");
      assertThat(seen.getSizeBytes()).isEqualTo(png.length);
      assertThat(share.getPermission()).isEqualTo(SharePermission.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(share.getTargetType()).isEqualTo(Share.TargetTypeEnum.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(share.getUserId()).isEqualTo(OTHER_USER);
      assertThat(library.getGroupKind()).isEqualTo(GroupKind.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(library.getName()).isEqualTo("Library");
      assertThat(missing.getCode()).isEqualTo(404);
      assertThat(error.getServiceCode()).isEqualTo(ServiceCode.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(error.getMsg()).isNotBlank();
    }
  }

  /** A client as generated, pointed at the test server, sending {@code apiKey} when given. */
  private ApiClient client(String apiKey) {
    return client(server.uri(""), apiKey);
  }

  private static ApiClient client(URI baseUri, String apiKey) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUri.toString());
    if (apiKey != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
    }
    return client;
  }
}
