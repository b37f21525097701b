package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures video, audio (and HEIF pictures, where libvips has no libheif) with FFmpeg (through
 * JavaCV): duration from the container, frame rate and display rotation from the video stream, and
 * the first frame, scaled by FFmpeg to at most twice the thumbnail size, as the poster.
 */
final class AvProbe {

  private static final Logger LOG = LoggerFactory.getLogger(AvProbe.class);

  private final PixelBudget budget;
  private final Thumbnailer thumbnailer;

  AvProbe(PixelBudget budget, Thumbnailer thumbnailer) {
    this.budget = budget;
    this.thumbnailer = thumbnailer;
  }

  /** Loads FFmpeg's native libraries now, so that the first upload does not wait for it. */
  static void loadNatives() {
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
  }

  MediaAnalysis analyze(Path file, AcceptedType type) throws MediaRejectedException {
    loadNatives();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      try {
        grabber.start();
      } catch (FFmpegFrameGrabber.Exception e) {
        throw new MediaRejectedException(
            Reason.CORRUPT, "The file cannot be read as " + type.extension() + ".");
      }
      Double duration =
          type.family() != MediaFamily.IMAGE && grabber.getLengthInTime() > 0
              ? round(grabber.getLengthInTime() / 1_000_000.0)
              : null;
      int width = grabber.getImageWidth();
      int height = grabber.getImageHeight();
      if (!grabber.hasVideo() || width <= 0 || height <= 0) {
        return new MediaAnalysis(new MediaFacts(null, null, duration, null), Optional.empty());
      }
      budget.check(width, height);
      Double frameRate =
          type.family() == MediaFamily.VIDEO && grabber.getFrameRate() > 0
              ? round(grabber.getFrameRate())
              : null;
      int rotation = Math.floorMod(-(int) Math.round(grabber.getDisplayRotation()), 360);
      boolean sideways = rotation == 90 || rotation == 270;
      MediaFacts facts =
          new MediaFacts(sideways ? height : width, sideways ? width : height, duration, frameRate);
      return new MediaAnalysis(
          facts, poster(grabber, width, height, rotation).flatMap(thumbnailer::render));
    } catch (FrameGrabber.Exception e) {
      LOG.debug("Closing the grabber failed", e);
      return MediaAnalysis.UNMEASURED;
    }
  }

  private Optional<Picture> poster(
      FFmpegFrameGrabber grabber, int width, int height, int rotation) {
    double scale = Math.min(1.0, 2.0 * Thumbnailer.MAX_SIDE / Math.max(width, height));
    grabber.setImageWidth(Math.max(1, (int) Math.round(width * scale)));
    grabber.setImageHeight(Math.max(1, (int) Math.round(height * scale)));
    try {
      Frame frame = grabber.grabImage();
      if (frame == null || frame.image == null) {
        return Optional.empty();
      }
      try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
        BufferedImage image = Java2DFrameConverter.cloneBufferedImage(converter.convert(frame));
        return Optional.of(new Picture(image, rotation));
      }
    } catch (FrameGrabber.Exception | RuntimeException e) {
      LOG.debug("No poster frame could be decoded", e);
      return Optional.empty();
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
