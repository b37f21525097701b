package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.AssetsApi;
import ai.assetlibrary.api.model.AssetResponse;
import ai.assetlibrary.server.auth.Caller;
import ai.assetlibrary.server.service.UploadService;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** {@code /v1/assets}: uploads. */
public final class AssetsResource implements AssetsApi {

  private final UploadService uploads;
  private final AssetMapper mapper;

  public AssetsResource(UploadService uploads, AssetMapper mapper) {
    this.uploads = uploads;
    this.mapper = mapper;
  }

  @Override
  public AssetResponse uploadAsset(
      SecurityContext securityContext, String contentType, InputStream body) {
    var asset = uploads.upload(Caller.of(securityContext), contentType, body);
    return new AssetResponse(0, mapper.toDto(asset), "Asset uploaded successfully");
  }
}
