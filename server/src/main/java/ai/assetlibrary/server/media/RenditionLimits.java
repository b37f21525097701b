package ai.assetlibrary.server.media;

import java.time.Duration;

/**
 * How much rendering may wait and take: at most {@code queue} renditions wait for a media worker
 * beyond those being rendered, and each is stopped after {@code timeout}.
 */
public record RenditionLimits(int queue, Duration timeout) {}
