package ai.assetlibrary.server.upload;

import java.io.InputStream;
import org.apache.commons.fileupload2.core.RequestContext;

/** A raw multipart request body and its Content-Type, as the multipart parser reads it. */
record MultipartBody(String contentType, InputStream stream) implements RequestContext {

  @Override
  public String getCharacterEncoding() {
    return null;
  }

  /** Unknown up front: limits are enforced while reading. */
  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public InputStream getInputStream() {
    return stream;
  }

  @Override
  public boolean isMultipartRelated() {
    return false;
  }
}
