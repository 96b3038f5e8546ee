package org.leadflow.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leadflow.contracts.ContractFiles;

/** What {@link OpenApiCompatibility} calls breaking, on changed copies of lead-service's released document. */
class OpenApiCompatibilityTest {

  private static final String DOCUMENT = ContractFiles.read(ContractFiles.releasedOpenApi("lead-service"));

  @Test
  void theSameDocumentIsUnchanged() {
    OpenApiCompatibility compatibility = OpenApiCompatibility.between(DOCUMENT, DOCUMENT);

    assertThat(compatibility.changed()).isFalse();
    assertThat(compatibility.breaking()).isFalse();
  }

  @Test
  void aRenamedResponseMemberIsBreakingAndNamed() {
    String renamed = changed("    Lead:\n      type: object\n      properties:\n        id:", "    Lead:\n      type: object\n      properties:\n        leadId:");

    OpenApiCompatibility compatibility = OpenApiCompatibility.between(DOCUMENT, renamed);

    assertThat(compatibility.breaking()).isTrue();
    assertThat(compatibility.removedMembers()).containsExactly("Lead.id");
    assertThat(compatibility.report()).contains("GET    /api/v1/leads/{id}").contains("  - Lead.id");
  }

  @Test
  void aChangedTypeIsBreaking() {
    String retyped = changed("    Lead:\n      type: object\n      properties:\n        id:\n          $ref: \"#/components/schemas/UUID\"\n        firstName:\n          type: string",
        "    Lead:\n      type: object\n      properties:\n        id:\n          $ref: \"#/components/schemas/UUID\"\n        firstName:\n          type: integer");

    OpenApiCompatibility compatibility = OpenApiCompatibility.between(DOCUMENT, retyped);

    assertThat(compatibility.breaking()).isTrue();
    assertThat(compatibility.report()).contains("API changes broke backward compatibility");
  }

  @Test
  void aRemovedOperationIsBreaking() {
    String without = changed("  /api/v1/leads/{id}/history:", "  /api/v1/leads/{id}/timeline:");

    OpenApiCompatibility compatibility = OpenApiCompatibility.between(DOCUMENT, without);

    assertThat(compatibility.breaking()).isTrue();
    assertThat(compatibility.report()).contains("/api/v1/leads/{id}/history");
  }

  @Test
  void aNewOptionalResponseMemberAndANewOperationAreCompatible() {
    String added =
        changed("    Lead:\n      type: object\n      properties:\n", "    Lead:\n      type: object\n      properties:\n        score:\n          type: integer\n");
    added = added.replace("  /api/v1/leads/{id}/history:", "  /api/v1/leads/{id}/notes:\n    get:\n      operationId: listLeadNotes\n      responses:\n        \"200\":\n          description: The notes\n  /api/v1/leads/{id}/history:");

    OpenApiCompatibility compatibility = OpenApiCompatibility.between(DOCUMENT, added);

    assertThat(compatibility.changed()).isTrue();
    assertThat(compatibility.breaking()).as(compatibility.report()).isFalse();
  }

  private static String changed(String from, String to) {
    assertThat(DOCUMENT).contains(from);
    return DOCUMENT.replace(from, to);
  }
}
