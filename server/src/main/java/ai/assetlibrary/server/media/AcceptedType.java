package ai.assetlibrary.server.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The allow-list of file types: each detected MIME type (and the aliases detectors report for it)
 * with its media family, canonical extension and asset type label.
 */
public enum AcceptedType {
  JPEG("image/jpeg", MediaFamily.IMAGE, "jpg", "image/pjpeg"),
  PNG("image/png", MediaFamily.IMAGE, "png", "image/x-png", "image/vnd.mozilla.apng"),
  GIF("image/gif", MediaFamily.IMAGE, "gif"),
  WEBP("image/webp", MediaFamily.IMAGE, "webp"),
  BMP("image/bmp", MediaFamily.IMAGE, "bmp", "image/x-ms-bmp", "image/x-bmp"),
  TIFF("image/tiff", MediaFamily.IMAGE, "tiff"),
  HEIC("image/heic", MediaFamily.IMAGE, "heic", "image/heic-sequence"),
  HEIF("image/heif", MediaFamily.IMAGE, "heif", "image/heif-sequence"),
  MP4("video/mp4", MediaFamily.VIDEO, "mp4", "video/x-m4v"),
  MOV("video/quicktime", MediaFamily.VIDEO, "mov"),
  WEBM("video/webm", MediaFamily.VIDEO, "webm"),
  MP3("audio/mpeg", MediaFamily.AUDIO, "mp3", "audio/mp3"),
  WAV("audio/wav", MediaFamily.AUDIO, "wav", "audio/vnd.wave", "audio/x-wav", "audio/wave"),
  M4A("audio/mp4", MediaFamily.AUDIO, "m4a", "audio/x-m4a"),
  AAC("audio/aac", MediaFamily.AUDIO, "aac", "audio/x-aac"),
  OGG("audio/ogg", MediaFamily.AUDIO, "ogg", "application/ogg", "audio/vorbis", "audio/opus"),
  FLAC("audio/flac", MediaFamily.AUDIO, "flac", "audio/x-flac");

  private static final Map<String, AcceptedType> BY_MIME =
      Arrays.stream(values())
          .flatMap(t -> t.names().map(n -> Map.entry(n, t)))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private final String mimeType;
  private final MediaFamily family;
  private final String extension;
  private final String[] aliases;

  AcceptedType(String mimeType, MediaFamily family, String extension, String... aliases) {
    this.mimeType = mimeType;
    this.family = family;
    this.extension = extension;
    this.aliases = aliases;
  }

  /** The accepted type for a detected MIME type (parameters ignored), if it is accepted. */
  public static Optional<AcceptedType> of(String detectedMimeType) {
    String base = detectedMimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(BY_MIME.get(base));
  }

  /** The canonical MIME type served for this type. */
  public String mimeType() {
    return mimeType;
  }

  public MediaFamily family() {
    return family;
  }

  /** Canonical file extension, without the dot. */
  public String extension() {
    return extension;
  }

  private Stream<String> names() {
    return Stream.concat(Stream.of(mimeType), Arrays.stream(aliases));
  }
}
