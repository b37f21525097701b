package ai.assetlibrary.server.media;

/** How a rendition's picture meets the box it is asked for. */
public enum Fit {
  /** As large as fits inside the box, shape kept. */
  INSIDE,
  /** Fills the box, shape kept, the overflow cropped about the centre. */
  COVER,
  /** {@link #INSIDE}, then padded to the box. */
  CONTAIN,
  /** Stretched to the box. */
  FILL
}
