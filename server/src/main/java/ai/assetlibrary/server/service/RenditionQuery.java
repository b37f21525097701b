package ai.assetlibrary.server.service;

import java.util.List;

/**
 * The rendition parameters of a delivery request as sent, each null when absent: {@code w}, {@code
 * h}, {@code fit}, {@code format}, {@code q}, {@code t} and {@code preset}.
 */
public record RenditionQuery(
    Integer width,
    Integer height,
    String fit,
    String format,
    Integer quality,
    Double time,
    String preset) {

  /** The query's parameters by their names on the wire, for the messages that name one. */
  public static final List<String> NAMES = List.of("w", "h", "fit", "format", "q", "t", "preset");

  private static final RenditionQuery NONE =
      new RenditionQuery(null, null, null, null, null, null, null);

  public static RenditionQuery none() {
    return NONE;
  }

  /** Whether no rendition was asked for: the original bytes are. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The name of the first parameter other than {@code preset} that was sent, or null. */
  String firstShapingParameter() {
    Object[] values = {width, height, fit, format, quality, time};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return NAMES.get(i);
      }
    }
    return null;
  }
}
