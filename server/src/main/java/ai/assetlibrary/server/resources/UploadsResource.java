package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.UploadsApi;
import ai.assetlibrary.api.model.AssetResponse;
import ai.assetlibrary.api.model.UploadProgress;
import ai.assetlibrary.api.model.UploadProgressResponse;
import ai.assetlibrary.server.auth.Authenticated;
import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.service.ResumableUploads;
import ai.assetlibrary.server.service.ResumableUploads.NewUpload;
import ai.assetlibrary.server.service.ResumableUploads.UploadState;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Date;
import java.util.Optional;

/**
 * {@code /v1/uploads}: resumable uploads in tus 1.0.0 and the IETF draft's wire forms, over {@link
 * ResumableUploads}.
 */
public final class UploadsResource implements UploadsApi {

  private static final String UPLOAD_OFFSET = "Upload-Offset";
  private static final String UPLOAD_LENGTH = "Upload-Length";
  private static final String UPLOAD_EXPIRES = "Upload-Expires";
  private static final String UPLOAD_COMPLETE = "Upload-Complete";
  private static final String UPLOAD_ASSET_ID = "Upload-Asset-Id";

  private final ResumableUploads uploads;
  private final AssetMapper mapper;
  private final Optional<URI> publicBaseUrl;
  private final long maxUploadBytes;

  @Context private UriInfo uriInfo;

  /**
   * @param publicBaseUrl the configured base of the URLs handed out; without one, an upload's URL
   *     is on the request's own scheme and host
   */
  public UploadsResource(
      ResumableUploads uploads,
      AssetMapper mapper,
      Optional<URI> publicBaseUrl,
      long maxUploadBytes) {
    this.uploads = uploads;
    this.mapper = mapper;
    this.publicBaseUrl = publicBaseUrl;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public Response discoverResumableUploads() {
    return Response.noContent()
        .header("Tus-Version", UploadProtocol.TUS_VERSION)
        .header("Tus-Extension", "creation,creation-with-upload,termination,expiration,checksum")
        .header("Tus-Max-Size", maxUploadBytes)
        .header("Tus-Checksum-Algorithm", "sha256")
        .header("Upload-Limit", "max-size=" + maxUploadBytes)
        .build();
  }

  @Override
  public Response createResumableUpload(
      SecurityContext securityContext,
      String contentType,
      String tusResumable,
      String uploadDraftInteropVersion,
      String uploadLength,
      String uploadMetadata,
      String uploadComplete,
      String uploadChecksum,
      String idempotencyKey,
      InputStream body) {
    UploadProtocol protocol = UploadProtocol.of(tusResumable, uploadDraftInteropVersion);
    UploadProtocol.checkComplete(uploadComplete);
    long length =
        UploadProtocol.requiredCount(
            UPLOAD_LENGTH,
            uploadLength,
            "'Upload-Length' is required: deferred lengths are not supported.");
    boolean bringsBytes =
        protocol == UploadProtocol.IETF_DRAFT
            || (contentType != null && isOffsetStream(contentType));
    UploadState state =
        uploads.create(
            caller(securityContext),
            new NewUpload(length, uploadMetadata, Optional.ofNullable(idempotencyKey)),
            UploadProtocol.checksum(uploadChecksum),
            bringsBytes ? Optional.of(body) : Optional.empty());
    Response.ResponseBuilder response =
        withState(Response.status(Response.Status.CREATED), state, protocol)
            .location(uploadUrl(state.uploadId()));
    return response.build();
  }

  @Override
  public Response getResumableUploadOffset(
      SecurityContext securityContext,
      String uploadId,
      String tusResumable,
      String uploadDraftInteropVersion) {
    UploadProtocol protocol = UploadProtocol.of(tusResumable, uploadDraftInteropVersion);
    UploadState state = uploads.progress(caller(securityContext), uploadId);
    Response.ResponseBuilder response =
        withState(
                protocol == UploadProtocol.TUS ? Response.ok() : Response.noContent(),
                state,
                protocol)
            .header(UPLOAD_LENGTH, state.length())
            .header("Cache-Control", "no-store");
    if (protocol == UploadProtocol.TUS && state.metadata() != null) {
      response.header("Upload-Metadata", state.metadata());
    }
    return response.build();
  }

  @Override
  public Response appendToResumableUpload(
      SecurityContext securityContext,
      String uploadId,
      String contentType,
      String tusResumable,
      String uploadDraftInteropVersion,
      String uploadOffset,
      String uploadComplete,
      String uploadChecksum,
      InputStream body) {
    UploadProtocol protocol = UploadProtocol.of(tusResumable, uploadDraftInteropVersion);
    UploadProtocol.checkComplete(uploadComplete);
    if (protocol == UploadProtocol.TUS && (contentType == null || !isOffsetStream(contentType))) {
      throw new LibraryException(
          Failure.CONTENT_TYPE_UNSUPPORTED,
          "A tus PATCH carries Content-Type: " + UploadProtocol.OFFSET_STREAM + ".");
    }
    long offset =
        UploadProtocol.requiredCount(UPLOAD_OFFSET, uploadOffset, "'Upload-Offset' is required.");
    UploadState state =
        uploads.append(
            caller(securityContext),
            uploadId,
            offset,
            UploadProtocol.checksum(uploadChecksum),
            body);
    return withState(Response.noContent(), state, protocol).build();
  }

  @Override
  public Response terminateResumableUpload(
      SecurityContext securityContext,
      String uploadId,
      String tusResumable,
      String uploadDraftInteropVersion) {
    UploadProtocol.of(tusResumable, uploadDraftInteropVersion);
    uploads.terminate(caller(securityContext), uploadId);
    return Response.noContent().build();
  }

  @Override
  public Response getResumableUpload(SecurityContext securityContext, String uploadId) {
    UploadState state = uploads.result(caller(securityContext), uploadId);
    if (state.asset().isPresent()) {
      return Response.ok(
              new AssetResponse(0, mapper.toDto(state.asset().get()), "OK"),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    UploadProgress progress =
        new UploadProgress(
            state.uploadId(), state.offset(), state.length(), Times.utc(state.expiresAt()));
    return Response.status(Response.Status.ACCEPTED)
        .entity(new UploadProgressResponse(0, progress, "Upload in progress"))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The headers every answer about an upload's state carries. */
  private static Response.ResponseBuilder withState(
      Response.ResponseBuilder response, UploadState state, UploadProtocol protocol) {
    response.header(UPLOAD_OFFSET, state.offset());
    if (state.assetId().isPresent()) {
      response.header(UPLOAD_ASSET_ID, state.assetId().get());
    } else {
      response.header(UPLOAD_EXPIRES, new Date(state.expiresAt()));
    }
    if (protocol == UploadProtocol.IETF_DRAFT) {
      response.header(UPLOAD_COMPLETE, state.offset() == state.length() ? "?1" : "?0");
    }
    return response;
  }

  private URI uploadUrl(String uploadId) {
    URI base = publicBaseUrl.orElseGet(() -> uriInfo.getBaseUri());
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return URI.create(root + "v1/uploads/" + uploadId);
  }

  private static boolean isOffsetStream(String contentType) {
    return contentType.split(";", 2)[0].strip().equalsIgnoreCase(UploadProtocol.OFFSET_STREAM);
  }

  private static Caller caller(SecurityContext securityContext) {
    return Authenticated.caller(securityContext);
  }
}
