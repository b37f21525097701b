package ai.assetlibrary.server.http;

import ai.assetlibrary.api.model.ErrorResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The protocol headers of every answer under {@code /v1/uploads}, refusals included: {@code
 * Tus-Resumable} to tus clients, {@code Tus-Version} with a 412, and the offset to resume from in
 * {@code Upload-Offset} with a 409.
 */
public final class ResumableUploadHeaders implements ContainerResponseFilter {

  private static final String PATH = "v1/uploads";
  private static final String TUS_VERSION = "1.0.0";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath(true).replaceFirst("^/", "").startsWith(PATH)) {
      return;
    }
    if (request.getHeaderString("Upload-Draft-Interop-Version") == null) {
      response.getHeaders().putSingle("Tus-Resumable", TUS_VERSION);
    }
    if (response.getStatus() == 412) {
      response.getHeaders().putSingle("Tus-Version", TUS_VERSION);
    }
    if (response.getEntity() instanceof ErrorResponse error
        && error.getData() != null
        && error.getData().getUploadOffset() != null) {
      response.getHeaders().putSingle("Upload-Offset", error.getData().getUploadOffset());
    }
  }
}
