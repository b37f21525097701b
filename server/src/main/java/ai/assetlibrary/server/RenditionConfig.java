package ai.assetlibrary.server;

import ai.assetlibrary.server.media.RenditionLimits;
import ai.assetlibrary.server.service.RenditionPresets;
import ai.assetlibrary.server.service.RenditionRules;
import java.time.Duration;
import java.util.Map;

/**
 * How renditions are asked for and bounded: the named presets ({@code ASSETS_RENDITION_PRESETS}),
 * whether other parameters are allowed ({@code ASSETS_RENDITION_ARBITRARY}), the most pixels of one
 * ({@code ASSETS_RENDITION_MAX_PIXELS}), how many may wait for a media worker ({@code
 * ASSETS_RENDITION_QUEUE}) and how long one may take ({@code ASSETS_RENDITION_TIMEOUT_SECONDS}).
 */
public record RenditionConfig(RenditionRules rules, RenditionLimits limits) {

  public static final long DEFAULT_MAX_PIXELS = 16_777_216L;
  public static final int DEFAULT_QUEUE = 8;
  public static final long DEFAULT_TIMEOUT_SECONDS = 10L;

  static RenditionConfig fromEnvironment(Map<String, String> env) {
    boolean arbitrary = Env.booleanValue(env, "ASSETS_RENDITION_ARBITRARY", true);
    long maxPixels =
        Env.longValue(env, "ASSETS_RENDITION_MAX_PIXELS", DEFAULT_MAX_PIXELS, 1, 4096L * 4096L);
    RenditionRules rules;
    try {
      rules =
          new RenditionRules(
              RenditionPresets.parse(env.get("ASSETS_RENDITION_PRESETS")), arbitrary, maxPixels);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ASSETS_RENDITION_PRESETS: " + e.getMessage(), e);
    }
    return new RenditionConfig(
        rules,
        new RenditionLimits(
            Env.intValue(env, "ASSETS_RENDITION_QUEUE", DEFAULT_QUEUE, 0, 10_000),
            Duration.ofSeconds(
                Env.longValue(
                    env, "ASSETS_RENDITION_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS, 1, 3_600))));
  }
}
