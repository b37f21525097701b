package ai.assetlibrary.server.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The named renditions of {@code ASSETS_RENDITION_PRESETS}: {@code name=param,param;name=…}, each
 * parameter {@code w400}, {@code h300}, {@code q75}, {@code t2.5}, {@code fit=cover} or {@code
 * format=webp}, as in {@code card=w400,h300,fit=cover;hero=w1600}.
 */
public final class RenditionPresets {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private final Map<String, RenditionQuery> presets;

  private RenditionPresets(Map<String, RenditionQuery> presets) {
    this.presets = Map.copyOf(presets);
  }

  public static RenditionPresets none() {
    return new RenditionPresets(Map.of());
  }

  /**
   * The presets {@code text} defines; blank defines none.
   *
   * @throws IllegalArgumentException naming what is wrong, for a configuration error at start-up
   */
  public static RenditionPresets parse(String text) {
    Map<String, RenditionQuery> presets = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return none();
    }
    for (String definition : text.split(";")) {
      if (definition.isBlank()) {
        continue;
      }
      String[] nameAndParameters = definition.strip().split("=", 2);
      String name = nameAndParameters[0].strip();
      if (!NAME.matcher(name).matches() || nameAndParameters.length < 2) {
        throw new IllegalArgumentException(
            "A rendition preset is not name=parameters: " + definition);
      }
      if (presets.put(name, query(name, nameAndParameters[1])) != null) {
        throw new IllegalArgumentException("The rendition preset " + name + " is defined twice");
      }
    }
    return new RenditionPresets(presets);
  }

  /** The preset named {@code name}, if there is one. */
  public Optional<RenditionQuery> find(String name) {
    return Optional.ofNullable(presets.get(name));
  }

  /** The presets' names. */
  public Set<String> names() {
    return presets.keySet();
  }

  private static RenditionQuery query(String name, String parameters) {
    Integer width = null;
    Integer height = null;
    Integer quality = null;
    Double time = null;
    String fit = null;
    String format = null;
    try {
      for (String parameter : parameters.split(",")) {
        String p = parameter.strip();
        if (p.startsWith("fit=")) {
          fit = p.substring(4);
        } else if (p.startsWith("format=")) {
          format = p.substring(7);
        } else if (p.startsWith("w")) {
          width = Integer.valueOf(p.substring(1));
        } else if (p.startsWith("h")) {
          height = Integer.valueOf(p.substring(1));
        } else if (p.startsWith("q")) {
          quality = Integer.valueOf(p.substring(1));
        } else if (p.startsWith("t")) {
          time = Double.valueOf(p.substring(1));
        } else {
          throw new IllegalArgumentException("Unknown parameter " + p);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The rendition preset " + name + " is malformed: " + e.getMessage(), e);
    }
    return new RenditionQuery(width, height, fit, format, quality, time, null);
  }
}
