package ai.assetlibrary.server.resources;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The two wire forms of resumable uploads: tus 1.0.0 ({@code Tus-Resumable: 1.0.0}) and the IETF
 * draft "Resumable Uploads for HTTP" at the interop versions tus-js-client speaks ({@code
 * Upload-Draft-Interop-Version} 5 for draft -03, 6 for drafts -04 and -05); and the headers both
 * read.
 */
enum UploadProtocol {
  TUS,
  IETF_DRAFT;

  static final String TUS_VERSION = "1.0.0";
  static final String TUS_RESUMABLE = "Tus-Resumable";
  static final String INTEROP_VERSION = "Upload-Draft-Interop-Version";
  static final String OFFSET_STREAM = "application/offset+octet-stream";

  /** Which protocol the request speaks; 412 when neither. */
  static UploadProtocol of(String tusResumable, String interopVersion) {
    if (interopVersion != null) {
      String version = interopVersion.strip();
      if (version.equals("5") || version.equals("6")) {
        return IETF_DRAFT;
      }
    } else if (TUS_VERSION.equals(tusResumable)) {
      return TUS;
    }
    throw new LibraryException(
        Failure.UPLOAD_PROTOCOL_UNSUPPORTED,
        "This server speaks tus 1.0.0 (Tus-Resumable: 1.0.0) and the IETF draft's interop versions"
            + " 5 and 6 (Upload-Draft-Interop-Version).");
  }

  /** A byte count header ({@code Upload-Length}, {@code Upload-Offset}); 400 when absent. */
  static long requiredCount(String header, String value, String absentMessage) {
    if (value == null) {
      throw LibraryException.invalidField(header, absentMessage);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw LibraryException.invalidField(header, "'" + header + "' is too large.");
    }
  }

  /** {@code Upload-Checksum: sha256 <base64>}: the digest the body must have. */
  static Optional<byte[]> checksum(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.strip().split(" ", -1);
    if (parts.length != 2) {
      throw malformedChecksum();
    }
    if (!parts[0].toLowerCase(Locale.ROOT).equals("sha256")) {
      throw new LibraryException(
          Failure.UPLOAD_CHECKSUM_UNSUPPORTED, "Only sha256 checksums are supported.");
    }
    try {
      byte[] digest = Base64.getDecoder().decode(parts[1]);
      if (digest.length != 32) {
        throw malformedChecksum();
      }
      return Optional.of(digest);
    } catch (IllegalArgumentException e) {
      throw malformedChecksum();
    }
  }

  /** {@code Upload-Complete} (IETF draft), a structured-field boolean; 400 when malformed. */
  static void checkComplete(String header) {
    if (header != null && !header.equals("?0") && !header.equals("?1")) {
      throw LibraryException.invalidField("Upload-Complete", "'Upload-Complete' must be ?0 or ?1.");
    }
  }

  private static LibraryException malformedChecksum() {
    return LibraryException.invalidField(
        "Upload-Checksum", "'Upload-Checksum' must be 'sha256 <base64 of the 32-byte digest>'.");
  }
}
