package ai.assetlibrary.server.upload;

import ai.assetlibrary.server.domain.LibraryException;
import java.nio.charset.CharacterCodingException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resumable upload's {@code Upload-Metadata} (tus): comma-separated pairs of a key and its value
 * in base64 of UTF-8. The keys the multipart form also has become form fields; {@code filename}
 * becomes the file's name; any other key (e.g. {@code filetype}) is ignored.
 */
public final class UploadMetadata {

  public static final String HEADER = "Upload-Metadata";
  private static final String FILENAME = "filename";
  private static final Set<String> FORM_FIELDS = Set.of("name", "groupId", "assetGroupId", "model");
  private static final Pattern KEY = Pattern.compile("[!-+\\--~]{1,64}");

  private final Map<String, String> fields;
  private final String filename;

  private UploadMetadata(Map<String, String> fields, String filename) {
    this.fields = fields;
    this.filename = filename;
  }

  /** Parses the header (null when absent); a malformed one is refused, naming the header. */
  public static UploadMetadata parse(String header) {
    Map<String, String> fields = new LinkedHashMap<>();
    String filename = null;
    if (header == null || header.isBlank()) {
      return new UploadMetadata(Map.of(), null);
    }
    Set<String> seen = new HashSet<>();
    for (String pair : header.split(",", -1)) {
      String trimmed = pair.strip();
      int space = trimmed.indexOf(' ');
      String key = space < 0 ? trimmed : trimmed.substring(0, space);
      String encoded = space < 0 ? "" : trimmed.substring(space + 1);
      if (!KEY.matcher(key).matches() || encoded.indexOf(' ') >= 0 || !seen.add(key)) {
        throw malformed();
      }
      String value = decode(encoded);
      if (FORM_FIELDS.contains(key)) {
        fields.put(key, value);
      } else if (key.equals(FILENAME)) {
        filename = Filenames.sanitize(value);
      }
    }
    return new UploadMetadata(Map.copyOf(fields), filename);
  }

  /** The form fields it carries, by the multipart form's names. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The client's file name, sanitised, if it gave one. */
  public Optional<String> filename() {
    return Optional.ofNullable(filename);
  }

  private static String decode(String encoded) {
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded);
      return StrictUtf8.decode(bytes);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw malformed();
    }
  }

  private static LibraryException malformed() {
    return LibraryException.invalidField(
        HEADER,
        "'Upload-Metadata' must be comma-separated 'key base64value' pairs, each key once, values"
            + " in base64 of UTF-8.");
  }
}
