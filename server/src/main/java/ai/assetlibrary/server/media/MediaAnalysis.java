package ai.assetlibrary.server.media;

import java.util.Optional;

/** The outcome of analysing one file: its measured facts and its rendered thumbnail, if any. */
public record MediaAnalysis(MediaFacts facts, Optional<EncodedThumbnail> thumbnail) {

  /** A file that could not be measured at all. */
  public static final MediaAnalysis UNMEASURED =
      new MediaAnalysis(MediaFacts.NONE, Optional.empty());
}
