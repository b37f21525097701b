package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a multipart/form-data body in one pass as it arrives. Text parts are collected (bounded in
 * number and size); the one file part is handed, still streaming, to a {@link FileReceiver}. Parts
 * may come in any order; parts of other names are skipped without being stored.
 */
public final class MultipartFormReader {

  /** How many parts a form may have. */
  public static final int MAX_PARTS = 32;

  /** How many bytes a text part may have. */
  public static final int MAX_FIELD_BYTES = 4096;

  /** How many bytes the headers of one part may have: room for a 10 KB file name, not more. */
  private static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  /** What a body may carry beyond the file: boundaries, part headers and text parts. */
  private static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

  private final long maxFileBytes;

  public MultipartFormReader(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** The largest body accepted: the file limit plus room for the rest of the form. */
  public long maxBodyBytes() {
    return maxFileBytes + FORM_OVERHEAD_BYTES;
  }

  /** Receives the content of the file part while it streams in. */
  @FunctionalInterface
  public interface FileReceiver {
    IngestedFile receive(String originalFilename, InputStream content) throws IOException;
  }

  /**
   * Reads the whole body. Failures of the body itself (malformed, cut off, too large) become {@link
   * LibraryException}s; failures of storage propagate as {@link UncheckedIOException}.
   */
  public UploadForm read(
      String contentType, InputStream body, String filePartName, FileReceiver receiver) {
    Map<String, String> fields = new LinkedHashMap<>();
    IngestedFile file = null;
    try {
      MultipartParser parts =
          new MultipartParser(
              new ClientBodyStream(body),
              boundary(contentType),
              maxBodyBytes(),
              MAX_PART_HEADER_BYTES);
      int count = 0;
      for (PartHeaders part = parts.nextPart(); part != null; part = parts.nextPart()) {
        if (++count > MAX_PARTS) {
          throw malformed("The form has more than " + MAX_PARTS + " parts.");
        }
        String name = part.fieldName();
        if (filePartName.equals(name)) {
          if (file != null) {
            throw malformed("The form has more than one '" + filePartName + "' part.");
          }
          file = receiver.receive(Filenames.sanitize(clientFilename(part, name)), parts.content());
        } else if (name != null && !name.isEmpty()) {
          if (fields.containsKey(name)) {
            throw LibraryException.invalidField(
                name, "The form has more than one '" + name + "' part.");
          }
          fields.put(name, readText(name, parts.content()));
        }
      }
      if (count == 0) {
        throw malformed(
            "The body holds no part delimited by the boundary its Content-Type declares.");
      }
      return new UploadForm(fields, Optional.ofNullable(file));
    } catch (MultipartException.TooLarge e) {
      closeQuietly(file);
      if (e.permitted() == MAX_PART_HEADER_BYTES) {
        throw malformed("A part's headers are longer than " + MAX_PART_HEADER_BYTES + " bytes.");
      }
      throw new LibraryException(
          Failure.FILE_TOO_LARGE,
          "The request is larger than the upload limit of " + maxFileBytes + " bytes.",
          FailureDetails.limitBytes(maxFileBytes));
    } catch (IOException e) {
      closeQuietly(file);
      if (StalledBody.isCause(e)) {
        throw StalledBody.error();
      }
      if (e instanceof MultipartException || hasCause(e, RequestBodyException.class)) {
        throw malformed("The request body is not valid multipart/form-data: " + e.getMessage());
      }
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(file);
      throw e;
    }
  }

  /** The boundary the Content-Type declares (RFC 2046: 1 to 70 characters, maybe quoted). */
  private static String boundary(String contentType) {
    String boundary =
        contentType == null ? null : PartHeaders.parameters(contentType).get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw malformed(
          "The request body is not valid multipart/form-data: its Content-Type declares no"
              + " boundary of 1 to 70 characters.");
    }
    return boundary;
  }

  /** The file name the client gave; one with a NUL character is refused, never truncated. */
  private static String clientFilename(PartHeaders part, String partName) {
    if (part.fileName() != null && part.fileName().indexOf('\0') >= 0) {
      throw LibraryException.invalidField(partName, "The file name contains a NUL character.");
    }
    return part.fileName();
  }

  private static String readText(String name, InputStream content) throws IOException {
    byte[] bytes = content.readNBytes(MAX_FIELD_BYTES + 1);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw LibraryException.invalidField(name, "'" + name + "' is too long.");
    }
    try {
      return StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw LibraryException.invalidField(name, "'" + name + "' is not valid UTF-8.");
    }
  }

  private static LibraryException malformed(String message) {
    return new LibraryException(Failure.REQUEST_MALFORMED, message);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(IngestedFile file) {
    if (file != null) {
      file.close();
    }
  }
}
