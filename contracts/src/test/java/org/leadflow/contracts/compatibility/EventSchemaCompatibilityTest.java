package org.leadflow.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.ContractFiles;

/** The rules of {@link EventSchemaCompatibility}, each on a changed copy of a released schema. */
class EventSchemaCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUALIFIED = "leadflow.lead.qualified.v1";
  private static final String DISQUALIFIED = "leadflow.lead.disqualified.v1";

  @Test
  void anUnchangedSchemaBreaksNothing() throws IOException {
    JsonNode schema = JSON.readTree(ContractFiles.read(ContractFiles.releasedSchema(QUALIFIED)));

    assertThat(EventSchemaCompatibility.breakingChanges(schema, schema)).isEmpty();
  }

  @Test
  void aNewOptionalMemberANewEnumerationValueAndAWiderRangeAreAdditive() throws IOException {
    assertThat(
            changed(
                DISQUALIFIED,
                schema ->
                    schema
                        .replace("\"properties\": {", "\"properties\": {\n    \"campaign\": {\"type\": [\"string\", \"null\"]},")
                        .replace("\"Canceled\"", "\"Canceled\", \"Duplicate\"")
                        .replace("\"maximum\": 7", "\"maximum\": 8")))
        .isEmpty();
  }

  @Test
  void aRenamedMemberIsARemovedMember() throws IOException {
    assertThat(changed(DISQUALIFIED, schema -> schema.replace("\"note\"", "\"comment\"")))
        .containsExactly("note: removed");
  }

  @Test
  void aMemberThatBecomesRequiredBreaksOldEvents() throws IOException {
    assertThat(changed(DISQUALIFIED, schema -> schema.replace("\"required\": [", "\"required\": [\n    \"note\",")))
        .containsExactly("note: became required");
  }

  @Test
  void aNarrowedOrWidenedTypeBreaks() throws IOException {
    assertThat(
            changed(
                DISQUALIFIED,
                schema ->
                    schema
                        .replace("\"note\": {\n      \"type\": [\n        \"string\",\n        \"null\"\n      ]", "\"note\": {\n      \"type\": \"string\"")
                        .replace("\"statusReasonCode\": {\n      \"type\": \"integer\"", "\"statusReasonCode\": {\n      \"type\": [\"integer\", \"string\"]")))
        .containsExactly(
            "statusReasonCode: type widened from [integer] to [integer, string]; consumers do not expect [string]",
            "note: type narrowed from [null, string] to [string]");
  }

  @Test
  void aRemovedEnumerationValueANarrowedRangeAndAChangedFormatBreak() throws IOException {
    assertThat(
            changed(
                DISQUALIFIED,
                schema ->
                    schema
                        .replace(",\n        \"Canceled\"", "")
                        .replace("\"minimum\": 4", "\"minimum\": 5")
                        .replace("\"format\": \"date\"", "\"format\": \"date-time\"")))
        .containsExactlyInAnyOrder(
            "statusReason: value \"Canceled\" removed",
            "statusReasonCode: minimum raised from 4 to 5",
            "nurtureUntil: format changed from \"date\" to \"date-time\"");
  }

  @Test
  void changesInsideSharedDefinitionsAreFoundThroughTheirReferences() throws IOException {
    assertThat(changed(QUALIFIED, schema -> schema.replace("\"currency\": {", "\"currencyCode\": {")))
        .isNotEmpty()
        .allMatch(change -> change.endsWith("currency: removed"), "names the money member")
        .anyMatch(change -> change.startsWith("lead.budgetAmount(oneOf 1).currency"));
  }

  @Test
  void closingAnOpenObjectBreaks() throws IOException {
    assertThat(changed(DISQUALIFIED, schema -> schema.replace("\"additionalProperties\": true", "\"additionalProperties\": false")))
        .containsExactly("(event data): no longer allows members it does not name (additionalProperties: false)");
  }

  private static List<String> changed(String type, UnaryOperator<String> change) throws IOException {
    String released = ContractFiles.read(ContractFiles.releasedSchema(type));
    String current = change.apply(released);
    assertThat(current).as("the changed schema").isNotEqualTo(released);
    return EventSchemaCompatibility.breakingChanges(JSON.readTree(released), JSON.readTree(current));
  }
}
