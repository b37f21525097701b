package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.RenditionException.Reason;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes one frame of a video with FFmpeg for a rendition, scaled by FFmpeg to the size the
 * rendition needs, so that no more pixels than that are held on the Java side.
 */
final class VideoFrames {

  private static final long MICROS = 1_000_000L;
  private static final long END_MARGIN_MICROS = 100_000L;

  private VideoFrames() {}

  /**
   * The frame at {@code seconds} (0: the first, as the thumbnail shows; past the end, one a tenth
   * of a second before it) for {@code spec}.
   */
  static Picture frame(Path file, double seconds, RenditionSpec spec) throws RenditionException {
    AvProbe.loadNatives();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start();
      int width = grabber.getImageWidth();
      int height = grabber.getImageHeight();
      if (!grabber.hasVideo() || width <= 0 || height <= 0) {
        throw new RenditionException(Reason.UNSUPPORTED, "The video has no picture to render.");
      }
      int rotation = Math.floorMod(-(int) Math.round(grabber.getDisplayRotation()), 360);
      boolean sideways = rotation == 90 || rotation == 270;
      int uprightWidth = sideways ? height : width;
      int uprightHeight = sideways ? width : height;
      double scale = spec.within(uprightWidth, uprightHeight).scaleFor(uprightWidth, uprightHeight);
      grabber.setImageWidth(Math.max(1, (int) Math.ceil(width * scale)));
      grabber.setImageHeight(Math.max(1, (int) Math.ceil(height * scale)));
      long at = Math.round(seconds * MICROS);
      long length = grabber.getLengthInTime();
      if (at > 0) {
        grabber.setTimestamp(length > 0 ? Math.min(at, length - END_MARGIN_MICROS) : at);
      }
      Frame frame = grabber.grabImage();
      if ((frame == null || frame.image == null) && at > 0) {
        grabber.setTimestamp(0);
        frame = grabber.grabImage();
      }
      if (frame == null || frame.image == null) {
        throw new RenditionException(Reason.UNREADABLE, "No frame of the video could be decoded.");
      }
      try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
        BufferedImage image = Java2DFrameConverter.cloneBufferedImage(converter.convert(frame));
        return new Picture(image, rotation);
      }
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new RenditionException(Reason.UNREADABLE, "The video cannot be decoded.");
    }
  }
}
