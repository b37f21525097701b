package ai.assetlibrary.server.upload;

import java.util.Map;
import java.util.Optional;

/**
 * A multipart form after its single pass: the text fields by name and the file part, if any.
 * Closing it discards the file's bytes unless they were committed.
 */
public record UploadForm(Map<String, String> fields, Optional<IngestedFile> file)
    implements AutoCloseable {

  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  @Override
  public void close() {
    file.ifPresent(IngestedFile::close);
  }
}
