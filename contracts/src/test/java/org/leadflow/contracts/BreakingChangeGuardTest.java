package org.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.contracts.compatibility.EventSchemaCompatibility;
import org.leadflow.contracts.compatibility.OpenApiCompatibility;

/**
 * Nothing published breaks its released version (the recorded baseline in {@code baseline/}, see
 * contracts/README.md): an OpenAPI document may change incompatibly only with a new major
 * {@code info.version}; an event schema never — a breaking change is a new type version
 * ({@code ...v2}), published next to the old one.
 */
class BreakingChangeGuardTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<String> services() {
    return ContractFiles.SERVICES.stream();
  }

  static Stream<String> releasedEventTypes() {
    return ContractFiles.releasedEventTypes().stream();
  }

  @ParameterizedTest
  @MethodSource("services")
  void theOpenApiDocumentBreaksNothingOfItsReleasedVersionWithinAMajorVersion(String service) throws IOException {
    String released = ContractFiles.read(ContractFiles.releasedOpenApi(service));
    String current = ContractFiles.read(ContractFiles.openApi(service));
    int releasedMajor = major(released);
    int currentMajor = major(current);
    assertThat(currentMajor).as(service + "'s major version").isGreaterThanOrEqualTo(releasedMajor);

    OpenApiCompatibility compatibility = OpenApiCompatibility.between(released, current);

    if (currentMajor == releasedMajor && compatibility.breaking()) {
      throw new AssertionError(
          "contracts/openapi/" + service + ".yaml breaks its released version (baseline/openapi/" + service + ".yaml)"
              + " while info.version stays at major " + currentMajor + ". Keep the change compatible, or publish a new"
              + " major version.\n" + compatibility.report());
    }
  }

  @ParameterizedTest
  @MethodSource("releasedEventTypes")
  void theEventSchemaBreaksNothingOfItsReleasedVersion(String type) throws IOException {
    assertThat(Files.exists(ContractFiles.schema(type)))
        .as("the released event type " + type + " is still published (events/schemas/" + type + ".schema.json)")
        .isTrue();

    List<String> breaking =
        EventSchemaCompatibility.breakingChanges(
            JSON.readTree(ContractFiles.read(ContractFiles.releasedSchema(type))),
            JSON.readTree(ContractFiles.read(ContractFiles.schema(type))));

    assertThat(breaking)
        .as(type + " breaks its released schema; within a version changes must be additive — publish the change as a new type version instead")
        .isEmpty();
  }

  private static int major(String document) throws IOException {
    JsonNode version = YAML.readTree(document).path("info").path("version");
    return Integer.parseInt(version.asText().split("\\.")[0]);
  }
}
