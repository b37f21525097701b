package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaFacts;
import java.util.Set;

/**
 * The limits the provider publishes for assets that {@code seedance-2.0} and {@code
 * seedance-2.0-fast} accept, checked before anything is sent to it.
 */
final class ModelLimits {

  static final Set<String> MODELS = Set.of("seedance-2.0", "seedance-2.0-fast");

  private static final long MB = 1024L * 1024;
  private static final Set<AcceptedType> IMAGES =
      Set.of(
          AcceptedType.JPEG,
          AcceptedType.PNG,
          AcceptedType.WEBP,
          AcceptedType.BMP,
          AcceptedType.TIFF,
          AcceptedType.GIF,
          AcceptedType.HEIC,
          AcceptedType.HEIF);
  private static final Set<AcceptedType> VIDEOS = Set.of(AcceptedType.MP4, AcceptedType.MOV);
  private static final Set<AcceptedType> AUDIO = Set.of(AcceptedType.MP3, AcceptedType.WAV);

  private ModelLimits() {}

  /** Throws {@code ASSET_MODEL_LIMIT_EXCEEDED} naming the first limit the file breaks. */
  static void check(String model, AcceptedType type, long sizeBytes, MediaFacts facts) {
    switch (type.family()) {
      case IMAGE -> {
        require(
            IMAGES.contains(type),
            model,
            "format",
            "takes JPEG, PNG, WebP, BMP, TIFF, GIF or HEIC images");
        require(sizeBytes < 30 * MB, model, "size", "takes images under 30 MB");
        requireMeasured(model, facts.width() != null);
        int w = facts.width();
        int h = facts.height();
        require(
            Math.min(w, h) >= 300 && Math.max(w, h) <= 6000,
            model,
            "sides",
            "takes images whose sides are 300 to 6000 px; this one is " + w + "×" + h);
        requireRatio(model, w, h);
      }
      case VIDEO -> {
        require(VIDEOS.contains(type), model, "format", "takes MP4 or MOV videos");
        require(sizeBytes <= 50 * MB, model, "size", "takes videos up to 50 MB");
        requireMeasured(
            model,
            facts.width() != null && facts.durationSeconds() != null && facts.frameRate() != null);
        requireDuration(model, facts.durationSeconds());
        require(
            facts.frameRate() >= 24 && facts.frameRate() <= 60,
            model,
            "frameRate",
            "takes videos of 24 to 60 fps; this one has " + facts.frameRate());
        int shorter = Math.min(facts.width(), facts.height());
        require(
            shorter >= 480 && shorter <= 1080,
            model,
            "sides",
            "takes videos from 480p to 1080p; this one is " + facts.width() + "×" + facts.height());
        requireRatio(model, facts.width(), facts.height());
      }
      case AUDIO -> {
        require(AUDIO.contains(type), model, "format", "takes MP3 or WAV audio");
        require(sizeBytes <= 15 * MB, model, "size", "takes audio up to 15 MB");
        requireMeasured(model, facts.durationSeconds() != null);
        requireDuration(model, facts.durationSeconds());
      }
    }
  }

  private static void requireRatio(String model, int width, int height) {
    double ratio = (double) width / height;
    require(
        ratio >= 0.4 && ratio <= 2.5,
        model,
        "ratio",
        "takes width/height from 0.4 to 2.5; this one is " + String.format("%.2f", ratio));
  }

  private static void requireDuration(String model, double seconds) {
    require(
        seconds >= 2 && seconds <= 15,
        model,
        "duration",
        "takes 2 to 15 seconds; this one lasts " + seconds + " s");
  }

  private static void requireMeasured(String model, boolean measured) {
    require(measured, model, "measurable", "needs files whose size and duration can be measured");
  }

  private static void require(boolean holds, String model, String limit, String rule) {
    if (!holds) {
      throw new LibraryException(
          Failure.MODEL_LIMIT_EXCEEDED, model + " " + rule + ".", FailureDetails.limit(limit));
    }
  }
}
