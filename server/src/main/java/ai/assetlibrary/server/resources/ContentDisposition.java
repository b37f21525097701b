package ai.assetlibrary.server.resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} values with an RFC 6266 / RFC 5987 encoded file name. */
final class ContentDisposition {

  private ContentDisposition() {}

  /**
   * {@code type; filename="ascii"; filename*=UTF-8''percent-encoded}: old clients read the ASCII
   * fallback, current ones the exact UTF-8 name.
   */
  static String of(String type, String filename) {
    StringBuilder ascii = new StringBuilder();
    filename
        .codePoints()
        .forEach(
            cp ->
                ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
    String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
