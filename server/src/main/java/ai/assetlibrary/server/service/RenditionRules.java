package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.Fit;
import ai.assetlibrary.server.media.MediaFamily;
import ai.assetlibrary.server.media.RenditionFormat;
import ai.assetlibrary.server.media.RenditionSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a request's rendition parameters into one of a bounded set of renditions: a preset or the
 * parameters themselves (where allowed), sizes snapped up to {@link #GRID} and capped by side and
 * by pixels, the quality to a multiple of 5, the time to a tenth of a second, the format chosen
 * from {@code Accept} for {@code auto}; and names each by a key of its normalised parameters.
 */
public final class RenditionRules {

  /** The sizes a side may take, in pixels. */
  static final int[] GRID = {
    16, 24, 32, 40, 48, 64, 80, 96, 100, 120, 128, 150, 160, 180, 200, 240, 256, 300, 320, 360, 400,
    480, 500, 540, 600, 640, 720, 768, 800, 900, 960, 1024, 1080, 1200, 1280, 1440, 1536, 1600,
    1920, 2048, 2160, 2560, 3072, 3840, 4096
  };

  private static final int QUALITY_STEP = 5;
  private static final int MAX_QUALITY = 100;
  private static final int MAX_SECONDS = 86_400;

  private final RenditionPresets presets;
  private final boolean arbitrary;
  private final long maxPixels;

  /**
   * @param arbitrary whether parameters other than a preset are allowed
   * @param maxPixels the most pixels a rendition may have
   * @throws IllegalArgumentException when a preset's parameters are out of range
   */
  public RenditionRules(RenditionPresets presets, boolean arbitrary, long maxPixels) {
    this.presets = presets;
    this.arbitrary = arbitrary;
    this.maxPixels = maxPixels;
    for (String name : presets.names()) {
      try {
        RenditionQuery preset = new RenditionQuery(null, null, null, null, null, null, name);
        resolve(preset, null, AcceptedType.MP4, null, null, null);
      } catch (LibraryException e) {
        throw new IllegalArgumentException(
            "The rendition preset " + name + " is invalid: " + e.getMessage(), e);
      }
    }
  }

  /** A rendition resolved: what to render, and whether {@code Accept} chose its format. */
  public record Resolved(RenditionSpec spec, boolean negotiated) {

    /** The rendition's name among an asset's renditions: its normalised parameters. */
    public String key() {
      return String.format(
          Locale.ROOT,
          "w%dh%d-%s-%s-q%d-t%.1f",
          spec.width(),
          spec.height(),
          spec.fit().name().toLowerCase(Locale.ROOT),
          spec.format().name().toLowerCase(Locale.ROOT),
          spec.quality(),
          spec.time());
    }
  }

  /**
   * The rendition {@code query} asks for of an original of {@code type}, whose picture is {@code
   * width}×{@code height} upright and, for video, {@code duration} seconds long, where known.
   */
  public Resolved resolve(
      RenditionQuery query,
      String accept,
      AcceptedType type,
      Integer width,
      Integer height,
      Double duration) {
    RenditionQuery asked = query;
    if (query.preset() != null) {
      String other = query.firstShapingParameter();
      if (other != null) {
        throw LibraryException.invalidField(
            other, "'" + other + "' may not be sent with 'preset'.");
      }
      asked =
          presets
              .find(query.preset())
              .orElseThrow(
                  () ->
                      new LibraryException(
                          Failure.RENDITION_PRESET_UNKNOWN,
                          "No rendition preset is named '" + query.preset() + "'.",
                          FailureDetails.field("preset")));
    } else if (!arbitrary) {
      String first = query.firstShapingParameter();
      throw new LibraryException(
          Failure.RENDITION_PARAMETERS_NOT_ALLOWED,
          "This server renders its named presets only; use 'preset'.",
          FailureDetails.field(first));
    }
    int boxWidth = side(asked.width(), "w");
    int boxHeight = side(asked.height(), "h");
    Fit askedFit = fit(asked.fit());
    Fit fit = boxWidth > 0 && boxHeight > 0 ? askedFit : Fit.INSIDE;
    boolean negotiated = "auto".equals(asked.format());
    RenditionFormat format =
        (negotiated ? fromAccept(accept) : format(asked.format())).forOriginal(type);
    int quality =
        format.hasQuality() || format == RenditionFormat.LIKE_ORIGINAL
            ? quality(asked.quality())
            : 0;
    double time = type.family() == MediaFamily.VIDEO ? time(asked.time(), duration) : 0;
    RenditionSpec spec =
        new RenditionSpec(boxWidth, boxHeight, fit, format, quality, time, maxPixels);
    if (width != null && height != null && width > 0 && height > 0) {
      spec = spec.within(width, height);
    }
    return new Resolved(spec, negotiated);
  }

  /**
   * Whether each size, quality and time {@code query} sends is already a value the rules snap to (a
   * size of the grid, a quality that is a multiple of 5, a time in whole tenths of a second up to a
   * day), and so inside every bound the contract sets.
   */
  public static boolean onGrid(RenditionQuery query) {
    return onGrid(query.width())
        && onGrid(query.height())
        && (query.quality() == null
            || (query.quality() >= QUALITY_STEP
                && query.quality() <= MAX_QUALITY
                && query.quality() % QUALITY_STEP == 0))
        && (query.time() == null
            || (query.time() >= 0
                && query.time() <= MAX_SECONDS
                && tenths(query.time()) == query.time()));
  }

  private static boolean onGrid(Integer pixels) {
    return pixels == null || Arrays.binarySearch(GRID, pixels) >= 0;
  }

  /** The grid size at or above {@code pixels}, at most the grid's largest; 0 when absent. */
  private static int side(Integer pixels, String name) {
    if (pixels == null) {
      return 0;
    }
    if (pixels < 1) {
      throw LibraryException.invalidField(name, "'" + name + "' must be at least 1.");
    }
    int at = Arrays.binarySearch(GRID, pixels);
    int index = at >= 0 ? at : Math.min(-at - 1, GRID.length - 1);
    return GRID[index];
  }

  private static Fit fit(String fit) {
    if (fit == null) {
      return Fit.INSIDE;
    }
    return switch (fit) {
      case "cover" -> Fit.COVER;
      case "contain" -> Fit.CONTAIN;
      case "inside" -> Fit.INSIDE;
      case "fill" -> Fit.FILL;
      default ->
          throw LibraryException.invalidField(
              "fit", "'fit' must be one of cover, contain, inside, fill.");
    };
  }

  private static RenditionFormat format(String format) {
    if (format == null) {
      return RenditionFormat.LIKE_ORIGINAL;
    }
    return switch (format) {
      case "jpeg" -> RenditionFormat.JPEG;
      case "png" -> RenditionFormat.PNG;
      case "webp" -> RenditionFormat.WEBP;
      case "avif" -> RenditionFormat.AVIF;
      default ->
          throw LibraryException.invalidField(
              "format", "'format' must be one of jpeg, png, webp, avif, auto.");
    };
  }

  /** AVIF when {@code accept} lists it, else WebP when it lists that, else like the original. */
  static RenditionFormat fromAccept(String accept) {
    if (accept == null) {
      return RenditionFormat.LIKE_ORIGINAL;
    }
    boolean webp = false;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (refused(parts)) {
        continue;
      }
      if (type.equals("image/avif")) {
        return RenditionFormat.AVIF;
      }
      webp |= type.equals("image/webp");
    }
    return webp ? RenditionFormat.WEBP : RenditionFormat.LIKE_ORIGINAL;
  }

  /** Whether a media range's parameters say {@code q=0}. */
  private static boolean refused(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static int quality(Integer quality) {
    if (quality == null) {
      return 0;
    }
    if (quality < 1 || quality > MAX_QUALITY) {
      throw LibraryException.invalidField("q", "'q' must be between 1 and 100.");
    }
    return (quality + QUALITY_STEP - 1) / QUALITY_STEP * QUALITY_STEP;
  }

  /** {@code time} to a tenth of a second, within the video where its length is known. */
  private static double time(Double time, Double duration) {
    if (time == null) {
      return 0;
    }
    if (!Double.isFinite(time) || time < 0 || time > MAX_SECONDS) {
      throw LibraryException.invalidField("t", "'t' must be a number of seconds from 0 to 86400.");
    }
    double tenths = tenths(time);
    if (duration != null && duration > 0) {
      double last = Math.max(0, Math.floor(duration * 10 - 1) / 10);
      return Math.min(tenths, last);
    }
    return tenths;
  }

  private static double tenths(double seconds) {
    return Math.floor(seconds * 10) / 10;
  }
}
