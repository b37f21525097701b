package ai.assetlibrary.server.media;

/**
 * What was measured in a file; a field is null when it does not apply or could not be measured.
 *
 * @param width width in pixels as displayed (orientation or rotation applied)
 * @param height height in pixels as displayed
 * @param durationSeconds container duration of video and audio, in seconds
 * @param frameRate video frames per second
 */
public record MediaFacts(Integer width, Integer height, Double durationSeconds, Double frameRate) {

  /** Nothing measured. */
  public static final MediaFacts NONE = new MediaFacts(null, null, null, null);
}
