package org.leadflow.systemtests.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.run.LeadflowService;

/** What the hostile-input suite generates from the published documents, without running anything. */
class HostileCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHECKOUT = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();

  private final PublishedApi leadApi = PublishedApi.read(CHECKOUT, LeadflowService.LEAD_SERVICE);
  private final List<HostileCase> cases = new HostileCases(leadApi.schemas()).of(leadApi.operations());

  @Test
  void everyOperationOfTheDocumentGetsHostileRequests() {
    assertThat(leadApi.operations()).extracting(ApiOperation::operationId)
        .contains("createLead", "updateLead", "qualifyLead", "retryLeadConversion", "listLeads");
    for (ApiOperation operation : leadApi.operations()) {
      assertThat(cases).as(operation.operationId()).anyMatch(c -> c.operation().equals(operation));
    }
  }

  @Test
  void aNestedArrayItemMemberIsChangedAloneInTheDocumentedExample() throws IOException {
    HostileCase nul = only("qualifyLead", "body opportunity.lines[0].quantity", HostileClass.NUL, "\"Ada\\u0000Lovelace\"");
    JsonNode body = JSON.readTree(new String(nul.shape().body(), StandardCharsets.UTF_8));

    assertThat(body.at("/opportunity/lines/0/quantity").asText()).isEqualTo("Ada\u0000Lovelace");
    // The rest is the documented example, and the line the example lacks is a valid one from the schema.
    assertThat(body.at("/opportunity/name").asText()).isEqualTo("Analytical Engines: 200 seats");
    assertThat(body.at("/opportunity/lines/0/productName").asText()).isNotBlank();
    assertThat(body.at("/opportunity/lines/0/unitPrice/amount").isTextual()).isTrue();
    assertThat(nul.shape().contentType()).isEqualTo("application/json");
    assertThat(nul.mustRefuseBecause()).contains("pattern");
  }

  @Test
  void aLoneSurrogateIsSentAsInvalidUtf8WhereTheCaseSaysRawBytes() {
    HostileCase raw = only("createLead", "body lastName", HostileClass.LONE_SURROGATE, "\"Ada<ED A0 80>\" (raw bytes)");
    byte[] body = raw.shape().body();
    assertThat(indexOf(body, new byte[] {'A', 'd', 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})).isPositive();
  }

  @Test
  void whatTheContractForbidsMustBeRefusedAndWhatItAllowsMayBeAccepted() {
    assertThat(only("createLead", "body lastName", HostileClass.OVERLONG, HostileCases.shorten("\"" + "x".repeat(10_000) + "\"")).mustRefuseBecause())
        .contains("maxLength 100");
    assertThat(only("qualifyLead", "body dryRun", HostileClass.NULL, "null").mustRefuseBecause()).contains("null for a boolean");
    assertThat(only("createLead", "body numberOfEmployees", HostileClass.HUGE, "2147483648").mustRefuseBecause()).isNotNull();
    assertThat(only("createLead", "body numberOfEmployees", HostileClass.ZERO, "0").mustRefuseBecause()).isNull();
    // In a merge patch null removes a member: accepting it is right.
    assertThat(only("updateLead", "body qualification.authority.decisionMaker", HostileClass.NULL, "null").mustRefuseBecause()).isNull();
    assertThat(only("disqualifyLead", "body nurtureUntil", HostileClass.OUT_OF_RANGE_DATE, "\"+9999999-01-01\"").mustRefuseBecause())
        .contains("1900–9999");
    assertThat(only("listLeads", "query createdFrom", HostileClass.OUT_OF_RANGE_DATE, "0000-01-01T00:00:00Z").mustRefuseBecause()).isNull();
    assertThat(only("listLeads", "query page", HostileClass.NEGATIVE, "-1").mustRefuseBecause()).contains("minimum 0");
  }

  @Test
  void pagedListsGetPageTimesSizeBeyondTheIntegerRange() {
    assertThat(cases).filteredOn(c -> c.hostileClass() == HostileClass.PAGING_OVERFLOW && c.operation().operationId().equals("listLeadHistory"))
        .extracting(c -> c.shape().rawQuery())
        .contains("page=2147483647&size=200", "page=10737419&size=200");
  }

  private HostileCase only(String operationId, String location, HostileClass hostileClass, String value) {
    List<HostileCase> found = cases.stream()
        .filter(c -> c.operation().operationId().equals(operationId) && c.location().equals(location)
            && c.hostileClass() == hostileClass && c.value().equals(value))
        .toList();
    assertThat(found).as("%s %s %s %s", operationId, location, hostileClass, value).hasSize(1);
    return found.get(0);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
