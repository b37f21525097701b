package ai.assetlibrary.server.upload;

import java.io.InputStream;

/**
 * Reads an upload's multipart body in its single pass, the file streaming into a staged blob as it
 * arrives, and holds the form's text fields to the contract's constraints.
 */
public final class UploadIntake {

  private static final String FILE_PART = "file";

  private final MultipartFormReader reader;
  private final FormConstraints constraints;
  private final FileIngestor ingestor;

  public UploadIntake(
      MultipartFormReader reader, FormConstraints constraints, FileIngestor ingestor) {
    this.reader = reader;
    this.constraints = constraints;
    this.ingestor = ingestor;
  }

  /** The form, its file (if any) staged; close it to discard what was not committed. */
  public UploadForm read(String contentType, InputStream body) {
    UploadForm form = reader.read(contentType, body, FILE_PART, ingestor::ingest);
    try {
      constraints.check(form);
      return form;
    } catch (RuntimeException e) {
      form.close();
      throw e;
    }
  }
}
