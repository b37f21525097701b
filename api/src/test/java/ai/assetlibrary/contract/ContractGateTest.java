package ai.assetlibrary.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.contract.ContractGate.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate against scratch edits of the real contract: breaking ones stop the build, naming each
 * break, unless the major version goes up; additions pass under a new minor version.
 */
class ContractGateTest {

  private static final Path CONTRACT = Path.of("openapi.yaml");
  private static final Path RELEASED = Path.of("released");
  private static final YAMLMapper YAML = new YAMLMapper();

  private String current;
  private String changelog;
  private String version;

  @BeforeEach
  void readTheContract() throws IOException {
    current = Files.readString(CONTRACT, StandardCharsets.UTF_8);
    changelog = Files.readString(Path.of("..", "CHANGELOG.md"), StandardCharsets.UTF_8);
    version = YAML.readTree(current).at("/info/version").asText();
  }

  @Test
  void theContractAsCommittedPasses() throws IOException {
    Verdict verdict = ContractGate.check(current, RELEASED, changelog, version, version);

    assertThat(verdict.refusals()).isEmpty();
    assertThat(verdict.notes()).anyMatch(note -> note.contains("no breaking change"));
  }

  @Test
  void removingAnAssetFieldIsRefusedNamingIt() throws IOException {
    Verdict verdict = judge(nextMinor(), spec -> assetProperties(spec).remove("width"));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.refusals())
        .anyMatch(line -> line.contains("GET /v1/assets/{assetId}") && line.contains("[width]"));
  }

  @Test
  void removingAnEnumValueIsRefusedNamingIt() throws IOException {
    Verdict permission =
        judge(nextMinor(), spec -> removeEnumValue(schema(spec, "SharePermission"), "USE"));
    Verdict serviceCode =
        judge(nextMinor(), spec -> removeEnumValue(schema(spec, "ServiceCode"), "STORAGE_FULL"));

    assertThat(permission.refusals()).anyMatch(line -> line.contains("enum values removed [USE]"));
    assertThat(serviceCode.refusals())
        .anyMatch(line -> line.contains("enum values removed [STORAGE_FULL]"));
  }

  @Test
  void aNewRequiredRequestFieldAndANarrowerLimitAreRefused() throws IOException {
    Verdict required =
        judge(
            nextMinor(),
            spec ->
                ((ArrayNode) schema(spec, "UpdateAssetRequest").withArray("required")).add("x"));
    Verdict narrower =
        judge(
            nextMinor(),
            spec ->
                ((ObjectNode) schema(spec, "UpdateAssetRequest").at("/properties/name"))
                    .put("maxLength", 100));

    assertThat(required.refusals()).anyMatch(line -> line.contains("PATCH /v1/assets/{assetId}"));
    assertThat(narrower.refusals()).anyMatch(line -> line.contains("maxLength from 255 to 100"));
  }

  @Test
  void removingAnOperationOrAResponseStatusIsRefused() throws IOException {
    Verdict operation =
        judge(nextMinor(), spec -> ((ObjectNode) spec.at("/paths/~1v1~1assets")).remove("get"));
    Verdict status =
        judge(
            nextMinor(),
            spec -> ((ObjectNode) spec.at("/paths/~1healthz/get/responses")).remove("200"));

    assertThat(operation.refusals()).anyMatch(line -> line.contains("GET /v1/assets: operation"));
    assertThat(status.refusals()).anyMatch(line -> line.contains("response 200 removed"));
  }

  @Test
  void additionsPassUnderANewMinorVersion() throws IOException {
    Verdict verdict =
        judge(
            nextMinor(),
            spec -> {
              assetProperties(spec)
                  .putObject("colorProfile")
                  .put("type", "string")
                  .put("description", "ICC profile name.");
              ((ArrayNode) schema(spec, "ServiceCode").withArray("enum")).add("NEW_FAILURE");
            });

    assertThat(verdict.refusals()).isEmpty();
  }

  @Test
  void aChangedContractUnderTheReleasedVersionIsRefused() throws IOException {
    Verdict verdict =
        judge(
            newestRelease(),
            spec -> assetProperties(spec).putObject("colorProfile").put("type", "string"));

    assertThat(verdict.refusals()).anyMatch(line -> line.contains("keeps its version"));
  }

  @Test
  void aNewMajorVersionMayBreakAndSaysWhat() throws IOException {
    String major = (ContractVersion.parse(version).major() + 1) + ".0.0";

    Verdict verdict = judge(major, spec -> assetProperties(spec).remove("width"));

    assertThat(verdict.refusals()).isEmpty();
    assertThat(verdict.notes()).anyMatch(note -> note.contains("[width]"));
  }

  @Test
  void theContractMustCarryTheBuildsVersion() throws IOException {
    Verdict verdict = ContractGate.check(current, RELEASED, changelog, "9.9.9", "9.9.9-SNAPSHOT");

    assertThat(verdict.refusals()).anyMatch(line -> line.contains("contract.version in pom.xml"));
  }

  /** The contract edited by {@code edit} and given {@code newVersion}, with a changelog entry. */
  private Verdict judge(String newVersion, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(current);
    edit.accept(spec);
    ((ObjectNode) spec.get("info")).put("version", newVersion);
    String log = changelog + "\n## [" + newVersion + "] - scratch\n";
    return ContractGate.check(YAML.writeValueAsString(spec), RELEASED, log, newVersion, newVersion);
  }

  /** The version of the newest contract in {@code released/}. */
  private static String newestRelease() throws IOException {
    try (var files = Files.list(RELEASED)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("openapi-\\d+\\.\\d+\\.\\d+\\.yaml"))
          .map(name -> ContractVersion.parse(name.substring(8, name.length() - 5)))
          .max(ContractVersion::compareTo)
          .orElseThrow()
          .toString();
    }
  }

  private String nextMinor() {
    ContractVersion released = ContractVersion.parse(version);
    return released.major() + "." + (released.minor() + 1) + ".0";
  }

  private static ObjectNode schema(JsonNode spec, String name) {
    return (ObjectNode) spec.at("/components/schemas/" + name);
  }

  private static ObjectNode assetProperties(JsonNode spec) {
    return (ObjectNode) schema(spec, "Asset").get("properties");
  }

  private static void removeEnumValue(ObjectNode schema, String value) {
    ArrayNode values = (ArrayNode) schema.get("enum");
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).asText().equals(value)) {
        values.remove(i);
        return;
      }
    }
    throw new AssertionError(value + " is not in " + values);
  }
}
