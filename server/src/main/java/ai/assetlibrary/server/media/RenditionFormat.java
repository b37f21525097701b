package ai.assetlibrary.server.media;

/**
 * The encoding of a rendition, with its type, file extension, default quality and libvips saver
 * options; {@link #LIKE_ORIGINAL} is chosen when the picture is known: the original's own format
 * for JPEG, PNG and WebP, otherwise JPEG, or PNG for a picture with transparency.
 */
public enum RenditionFormat {
  LIKE_ORIGINAL(null, null, 0, false),
  JPEG("image/jpeg", "jpg", 80, false),
  PNG("image/png", "png", 0, true),
  WEBP("image/webp", "webp", 80, true),
  AVIF("image/avif", "avif", 55, true);

  private final String mimeType;
  private final String extension;
  private final int defaultQuality;
  private final boolean transparent;

  RenditionFormat(String mimeType, String extension, int defaultQuality, boolean transparent) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.defaultQuality = defaultQuality;
    this.transparent = transparent;
  }

  public String mimeType() {
    return mimeType;
  }

  public String extension() {
    return extension;
  }

  /** Whether the format takes a quality at all (PNG is lossless). */
  public boolean hasQuality() {
    return defaultQuality > 0;
  }

  /** Whether the format keeps an alpha band. */
  public boolean keepsTransparency() {
    return transparent;
  }

  /**
   * The format for an original of {@code type} as far as its type tells: concrete, or still {@link
   * #LIKE_ORIGINAL} where it depends on the picture's transparency.
   */
  public RenditionFormat forOriginal(AcceptedType type) {
    if (this != LIKE_ORIGINAL) {
      return this;
    }
    return switch (type) {
      case JPEG -> JPEG;
      case PNG -> PNG;
      case WEBP -> WEBP;
      default -> LIKE_ORIGINAL;
    };
  }

  /** The concrete format for an original of {@code type}, with or without transparency. */
  RenditionFormat resolve(AcceptedType type, boolean alpha) {
    RenditionFormat known = forOriginal(type);
    return known != LIKE_ORIGINAL ? known : alpha ? PNG : JPEG;
  }

  /**
   * The libvips saver suffix with its options at {@code quality} (0 for the default): metadata
   * stripped, transparency flattened onto white where the format has none.
   */
  String saver(int quality) {
    int q = quality > 0 ? quality : defaultQuality;
    return switch (this) {
      case JPEG -> ".jpg[Q=" + q + ",strip,optimize_coding,background=255]";
      case PNG -> ".png[strip,compression=6]";
      case WEBP -> ".webp[Q=" + q + ",strip]";
      case AVIF -> ".avif[Q=" + q + ",strip,effort=2]";
      case LIKE_ORIGINAL -> throw new IllegalStateException("An unresolved format");
    };
  }
}
