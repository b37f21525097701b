package ai.assetlibrary.server.media;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A place among the renditions rendering or waiting for a media worker. The rendering that takes it
 * gives it back when it has really ended, even after its caller stopped waiting; closing gives it
 * back only if no rendering took it.
 */
public final class RenditionPermit implements AutoCloseable {

  private final Semaphore places;
  private final AtomicBoolean taken = new AtomicBoolean();

  RenditionPermit(Semaphore places) {
    this.places = places;
  }

  /** For the rendering as it starts: whether the place is still its to take. */
  boolean takeForRendering() {
    return taken.compareAndSet(false, true);
  }

  /** For the rendering that took the place, as it ends. */
  void renderingEnded() {
    places.release();
  }

  @Override
  public void close() {
    if (taken.compareAndSet(false, true)) {
      places.release();
    }
  }
}
