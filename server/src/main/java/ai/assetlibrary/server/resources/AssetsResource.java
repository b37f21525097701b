package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.AssetsApi;
import ai.assetlibrary.api.model.AssetPageResponse;
import ai.assetlibrary.api.model.AssetResponse;
import ai.assetlibrary.api.model.DeletedResponse;
import ai.assetlibrary.api.model.SharePageResponse;
import ai.assetlibrary.api.model.ShareRequest;
import ai.assetlibrary.api.model.ShareResponse;
import ai.assetlibrary.api.model.UpdateAssetRequest;
import ai.assetlibrary.server.auth.Authenticated;
import ai.assetlibrary.server.service.AssetQuery;
import ai.assetlibrary.server.service.AssetService;
import ai.assetlibrary.server.service.ShareService;
import ai.assetlibrary.server.service.UploadService;
import ai.assetlibrary.server.service.UploadService.UploadResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** {@code /v1/assets}: upload, list, read, rename, delete and share assets. */
public final class AssetsResource implements AssetsApi {

  private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private final UploadService uploads;
  private final AssetService assets;
  private final ShareService shares;
  private final AssetMapper mapper;

  public AssetsResource(
      UploadService uploads, AssetService assets, ShareService shares, AssetMapper mapper) {
    this.uploads = uploads;
    this.assets = assets;
    this.shares = shares;
    this.mapper = mapper;
  }

  @Override
  public Response uploadAsset(
      SecurityContext securityContext,
      String contentType,
      String idempotencyKey,
      InputStream body) {
    UploadResult result =
        uploads.upload(Authenticated.caller(securityContext), contentType, idempotencyKey, body);
    AssetResponse entity =
        new AssetResponse(0, mapper.toDto(result.asset()), "Asset uploaded successfully");
    Response.ResponseBuilder response = Response.ok(entity, MediaType.APPLICATION_JSON_TYPE);
    if (result.replayed()) {
      response.header(IDEMPOTENT_REPLAYED, "true");
    }
    return response.build();
  }

  @Override
  public AssetPageResponse listAssets(
      SecurityContext securityContext,
      Integer current,
      Integer size,
      String groupId,
      String keyword,
      String mediaType,
      String assetKind,
      String status,
      Boolean ownedOnly,
      String createdBy,
      String cursor) {
    var query =
        new AssetQuery(
            current, size, cursor, groupId, keyword, mediaType, assetKind, status, ownedOnly,
            createdBy);
    return new AssetPageResponse(
        0, mapper.toPage(assets.list(Authenticated.caller(securityContext), query)), "OK");
  }

  @Override
  public AssetResponse getAsset(SecurityContext securityContext, String assetId) {
    return new AssetResponse(
        0, mapper.toDto(assets.get(Authenticated.caller(securityContext), assetId)), "OK");
  }

  @Override
  public AssetResponse updateAsset(
      SecurityContext securityContext, String assetId, UpdateAssetRequest request) {
    var asset = assets.rename(Authenticated.caller(securityContext), assetId, request.getName());
    return new AssetResponse(0, mapper.toDto(asset), "Asset updated");
  }

  @Override
  public DeletedResponse deleteAsset(SecurityContext securityContext, String assetId) {
    assets.delete(Authenticated.caller(securityContext), assetId);
    return new DeletedResponse(0, "Deleted successfully", "Asset deleted");
  }

  @Override
  public SharePageResponse listAssetShares(SecurityContext securityContext, String assetId) {
    return new SharePageResponse(
        0,
        ShareMapper.toPage(shares.listAssetShares(Authenticated.caller(securityContext), assetId)),
        "OK");
  }

  @Override
  public ShareResponse shareAsset(
      SecurityContext securityContext, String assetId, ShareRequest request) {
    var share =
        shares.shareAsset(
            Authenticated.caller(securityContext), assetId, ShareMapper.fromDto(request));
    return new ShareResponse(0, ShareMapper.toDto(share), "Asset shared");
  }

  @Override
  public DeletedResponse revokeAssetShare(
      SecurityContext securityContext, String assetId, Long userId) {
    shares.revokeAssetShare(Authenticated.caller(securityContext), assetId, userId);
    return new DeletedResponse(0, "Deleted successfully", "Share revoked");
  }
}
