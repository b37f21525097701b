package ai.assetlibrary.server.media;

import java.awt.image.BufferedImage;

/**
 * A picture decoded on the Java side (a bitmap, a video's poster frame), with what it takes to show
 * it upright.
 *
 * @param image the decoded pixels, already reduced to about twice the thumbnail size at most
 * @param clockwiseRotation display rotation in degrees clockwise: 0, 90, 180 or 270
 */
record Picture(BufferedImage image, int clockwiseRotation) {}
