package ai.assetlibrary.server.media;

import java.awt.image.BufferedImage;

/**
 * A decoded picture as stored, with what it takes to show it upright.
 *
 * @param image the decoded pixels, already reduced to about twice the thumbnail size at most
 * @param exifOrientation EXIF orientation 1–8 (1: as stored)
 * @param clockwiseRotation display rotation in degrees clockwise: 0, 90, 180 or 270
 */
public record Picture(BufferedImage image, int exifOrientation, int clockwiseRotation) {}
