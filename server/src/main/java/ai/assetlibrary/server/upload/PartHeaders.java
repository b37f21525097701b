package ai.assetlibrary.server.upload;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of one part, as far as a form needs them: the field name and the client's file name
 * from {@code Content-Disposition} ({@code filename*} in RFC 5987's encoding preferred to {@code
 * filename}). Quoted values keep what is between the quotes.
 *
 * @param fieldName the part's name, or null when it has none (or is no form-data part)
 * @param fileName the file name the client gave, or null for a text part
 */
record PartHeaders(String fieldName, String fileName) {

  /** Parses header lines, each ended by CRLF; lines starting with white space continue the last. */
  static PartHeaders parse(String block) throws MultipartException.Malformed {
    Map<String, String> headers = new LinkedHashMap<>();
    String last = null;
    for (String line : block.split("\r\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        headers.merge(last, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MultipartException.Malformed("A part's header line has no name: " + line);
      }
      last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers.putIfAbsent(last, line.substring(colon + 1).strip());
    }
    String disposition = headers.get("content-disposition");
    if (disposition == null) {
      return new PartHeaders(null, null);
    }
    Map<String, String> parameters = parameters(disposition);
    String type = disposition.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean formData = type.equals("form-data");
    String fileName = null;
    if (formData || type.equals("attachment")) {
      fileName =
          parameters.containsKey("filename*")
              ? extended(parameters.get("filename*"), parameters.get("filename"))
              : parameters.get("filename");
    }
    return new PartHeaders(formData ? parameters.get("name") : null, fileName);
  }

  /**
   * The parameters of a header value after its first {@code ;} (Content-Disposition's, and
   * Content-Type's boundary), names in lower case; the first of a name wins.
   */
  static Map<String, String> parameters(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int at = header.indexOf(';');
    while (at >= 0 && at < header.length()) {
      int equals = header.indexOf('=', at + 1);
      int semicolon = header.indexOf(';', at + 1);
      if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
        at = semicolon;
        continue;
      }
      String name = header.substring(at + 1, equals).strip().toLowerCase(Locale.ROOT);
      int valueStart = equals + 1;
      while (valueStart < header.length() && header.charAt(valueStart) == ' ') {
        valueStart++;
      }
      int end;
      String value;
      if (valueStart < header.length() && header.charAt(valueStart) == '"') {
        end = closingQuote(header, valueStart + 1);
        value = header.substring(valueStart + 1, Math.min(end, header.length()));
        end = header.indexOf(';', Math.min(end, header.length()));
      } else {
        end = header.indexOf(';', valueStart);
        value = header.substring(valueStart, end < 0 ? header.length() : end).strip();
      }
      parameters.putIfAbsent(name, value);
      at = end;
    }
    return parameters;
  }

  /** The index of the quote that closes a quoted value opened before {@code from}. */
  private static int closingQuote(String header, int from) {
    boolean escaped = false;
    for (int i = from; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"' && !escaped) {
        return i;
      }
      escaped = !escaped && c == '\\';
    }
    return header.length();
  }

  /** RFC 5987's {@code charset'language'percent-encoded}; {@code fallback} if it cannot be read. */
  private static String extended(String value, String fallback) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return fallback;
    }
    try {
      Charset charset = Charset.forName(value.substring(0, first));
      return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
    } catch (IllegalArgumentException e) { // an unknown charset, a broken percent-encoding
      return fallback;
    }
  }
}
