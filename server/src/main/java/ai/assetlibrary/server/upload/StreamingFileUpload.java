package ai.assetlibrary.server.upload;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Commons FileUpload bound to a {@link MultipartBody}. Only the streaming iterator is used: parts
 * are read as they arrive and never spooled to disk or memory by the parser.
 */
final class StreamingFileUpload
    extends AbstractFileUpload<MultipartBody, DiskFileItem, DiskFileItemFactory> {

  @Override
  public FileItemInputIterator getItemIterator(MultipartBody body)
      throws FileUploadException, IOException {
    return super.getItemIterator((RequestContext) body);
  }

  @Override
  public Map<String, List<DiskFileItem>> parseParameterMap(MultipartBody body)
      throws FileUploadException {
    return super.parseParameterMap((RequestContext) body);
  }

  @Override
  public List<DiskFileItem> parseRequest(MultipartBody body) throws FileUploadException {
    return super.parseRequest((RequestContext) body);
  }
}
