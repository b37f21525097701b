package ai.assetlibrary.server.upload;

import java.text.Normalizer;

/** Makes client-supplied names safe to store and show. */
public final class Filenames {

  private static final int MAX_LENGTH = 255;

  private Filenames() {}

  /**
   * The last path component of a client's file name, NFC-normalised, without control or
   * bidirectional-formatting characters, at most 255 characters; null when nothing is left.
   */
  public static String sanitize(String clientName) {
    if (clientName == null) {
      return null;
    }
    String lastComponent = clientName.substring(lastSeparator(clientName) + 1);
    String clean = withoutInvisibles(Normalizer.normalize(lastComponent, Normalizer.Form.NFC));
    clean = clean.strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      return null;
    }
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH);
  }

  /**
   * {@code text} without control characters (C0, C1) and format characters (e.g. RTL overrides).
   */
  public static String withoutInvisibles(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static int lastSeparator(String name) {
    return Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  }
}
