package ai.assetlibrary.server.media;

import java.util.Optional;

/** What a probe measured of one file, with the decoded picture its thumbnail is made from. */
record Measurement(MediaFacts facts, Optional<Picture> picture) {

  /** A file that could not be measured at all. */
  static final Measurement UNMEASURED = new Measurement(MediaFacts.NONE, Optional.empty());
}
