package ai.assetlibrary.server.media;

/** The media families the library accepts, with their record labels. */
public enum MediaFamily {
  IMAGE("image", "Image"),
  VIDEO("video", "Video"),
  AUDIO("audio", "Audio");

  private final String mediaType;
  private final String assetType;

  MediaFamily(String mediaType, String assetType) {
    this.mediaType = mediaType;
    this.assetType = assetType;
  }

  /** The record's {@code mediaType}: image, video or audio. */
  public String mediaType() {
    return mediaType;
  }

  /** The record's {@code assetType} label, as the provider names it: Image, Video or Audio. */
  public String assetType() {
    return assetType;
  }
}
