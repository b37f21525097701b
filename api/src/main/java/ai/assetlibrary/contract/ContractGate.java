package ai.assetlibrary.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build's breaking-change gate. It compares {@code api/openapi.yaml} with the newest released
 * contract ({@code api/released/openapi-<version>.yaml}) and refuses the build when a change could
 * break a consumer while {@code info.version} keeps the released major version; when the contract
 * changed at all its version must be new; the version must be the build's, and have an entry in
 * {@code CHANGELOG.md}.
 */
public final class ContractGate {

  private static final Pattern RELEASE = Pattern.compile("openapi-(\\d+\\.\\d+\\.\\d+)\\.yaml");

  private ContractGate() {}

  /** What the gate decided: why the build must stop (if anything), and what it noticed. */
  record Verdict(List<String> refusals, List<String> notes) {
    boolean passed() {
      return refusals.isEmpty();
    }
  }

  /**
   * {@code contract released changelog contractVersion projectVersion}: prints the verdict and
   * exits with 1 when the build must stop.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println(
          "Usage: ContractGate <openapi.yaml> <released dir> <CHANGELOG.md> <contract version>"
              + " <project version>");
      System.exit(2);
    }
    Verdict verdict =
        check(
            Files.readString(Path.of(args[0]), StandardCharsets.UTF_8),
            Path.of(args[1]),
            Files.readString(Path.of(args[2]), StandardCharsets.UTF_8),
            args[3],
            args[4]);
    verdict.notes().forEach(note -> System.out.println("[contract] " + note));
    if (!verdict.passed()) {
      System.err.println("[contract] The contract cannot be built as it stands:");
      verdict.refusals().forEach(refusal -> System.err.println("[contract]   - " + refusal));
      System.exit(1);
    }
  }

  /** Judges the contract {@code current} (YAML text) against the releases in {@code released}. */
  static Verdict check(
      String current,
      Path released,
      String changelog,
      String contractVersion,
      String projectVersion)
      throws IOException {
    List<String> refusals = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    OpenAPI now = parse("api/openapi.yaml", current);
    ContractVersion version = ContractVersion.parse(now.getInfo().getVersion());
    if (!version.toString().equals(contractVersion)) {
      refusals.add(
          "info.version is "
              + version
              + " but the build says the contract is "
              + contractVersion
              + " (contract.version in pom.xml): make them the same.");
    }
    if (!projectVersion.equals(contractVersion)
        && !projectVersion.equals(contractVersion + "-SNAPSHOT")) {
      refusals.add(
          "The build's version "
              + projectVersion
              + " is not the contract's "
              + contractVersion
              + " (or its -SNAPSHOT).");
    }
    if (!changelog.contains("## [" + version + "]")) {
      refusals.add("CHANGELOG.md has no entry '## [" + version + "]' for this contract version.");
    }
    Map.Entry<ContractVersion, Path> newest = newestRelease(released);
    ContractVersion base = newest.getKey();
    String baseText = Files.readString(newest.getValue(), StandardCharsets.UTF_8);
    List<String> breaks =
        BreakingChanges.between(parse(newest.getValue().toString(), baseText), now);
    if (version.compareTo(base) < 0) {
      refusals.add("info.version " + version + " is older than the released " + base + ".");
    } else if (version.equals(base) && !sameContract(baseText, current)) {
      refusals.add(
          "api/openapi.yaml differs from the released "
              + base
              + " but keeps its version: give it a new one (a new minor version for additions,"
              + " a new major version for breaking changes) and a CHANGELOG.md entry.");
    }
    if (version.major() > base.major()) {
      notes.add("Contract " + version + ", a new major version after " + base + ".");
      breaks.forEach(change -> notes.add("breaking change (allowed by the new major): " + change));
    } else if (!breaks.isEmpty()) {
      refusals.add(
          "api/openapi.yaml breaks the released contract "
              + base
              + " without a new major version (info.version "
              + version
              + "). Undo these changes, or make them in "
              + (base.major() + 1)
              + ".0.0:");
      breaks.forEach(change -> refusals.add("breaking change: " + change));
    } else {
      notes.add("Contract " + version + ": no breaking change since the released " + base + ".");
    }
    return new Verdict(List.copyOf(refusals), List.copyOf(notes));
  }

  private static OpenAPI parse(String name, String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
      throw new IllegalArgumentException(name + " does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  private static Map.Entry<ContractVersion, Path> newestRelease(Path released) throws IOException {
    try (Stream<Path> files = Files.list(released)) {
      return files
          .map(file -> Map.entry(file, RELEASE.matcher(file.getFileName().toString())))
          .filter(entry -> entry.getValue().matches())
          .map(entry -> Map.entry(ContractVersion.parse(entry.getValue().group(1)), entry.getKey()))
          .max(Map.Entry.comparingByKey(Comparator.naturalOrder()))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "No released contract (openapi-<version>.yaml) in " + released));
    }
  }

  /** Equal but for line endings and trailing white space. */
  private static boolean sameContract(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  private static String normalized(String text) {
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
  }
}
