package ai.assetlibrary.server.media;

import ai.assetlibrary.server.media.MediaRejectedException.Reason;

/**
 * The most pixels a picture or video frame may declare. Checked against the header, before any
 * decoder allocates memory for the pixels.
 */
record PixelBudget(long maxPixels) {

  void check(int width, int height) throws MediaRejectedException {
    if ((long) width * height > maxPixels) {
      throw new MediaRejectedException(
          Reason.TOO_MANY_PIXELS,
          "The picture declares "
              + width
              + "×"
              + height
              + " pixels, over the limit of "
              + maxPixels
              + ".");
    }
  }
}
