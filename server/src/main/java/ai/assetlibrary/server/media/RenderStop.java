package ai.assetlibrary.server.media;

import ai.assetlibrary.server.vips.VipsImage;
import ai.assetlibrary.server.vips.VipsTransforms;

/**
 * The way to stop one rendering from another thread: the image being encoded is watched, and
 * stopping it makes libvips abandon the encoding wherever it has got to.
 */
final class RenderStop {

  private final VipsTransforms transforms;
  private VipsImage watched;
  private boolean stopped;

  RenderStop(VipsTransforms transforms) {
    this.transforms = transforms;
  }

  /** Watches {@code image} until {@link #unwatch}; stops it at once if stopping was asked for. */
  synchronized void watch(VipsImage image) {
    watched = image;
    if (stopped) {
      transforms.stop(image);
    }
  }

  /** Stops watching, before the watched image is released. */
  synchronized void unwatch() {
    watched = null;
  }

  /** Stops the encoding in progress, and any that starts later. */
  synchronized void stop() {
    stopped = true;
    if (watched != null) {
      transforms.stop(watched);
    }
  }

  synchronized boolean stopped() {
    return stopped;
  }
}
