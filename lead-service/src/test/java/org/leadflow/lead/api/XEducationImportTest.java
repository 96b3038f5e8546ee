package org.leadflow.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Imports.CSV;
import static org.leadflow.lead.api.Imports.as;
import static org.leadflow.lead.api.Imports.finished;
import static org.leadflow.lead.api.Imports.report;
import static org.leadflow.lead.api.Imports.upload;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The X Education data set (9,237 leads of an education company, public Kaggle "Lead Scoring" data,
 * in src/test/resources/datasets) imported through the API with the mapping checked in under
 * docs/imports: every lead created with a generated identity and its columns as attributes, its
 * Converted column as the historical outcome (won or disqualified).
 */
@QuarkusTest
class XEducationImportTest {

  private static final String INTEGRATION = TestTokens.integration("x-education-import");
  private static final String MANAGER = TestTokens.salesManager("manager-x-education");

  @Test
  void theWholeDataSetIsImportedWithItsConvertedColumnAsHistoricalOutcome() throws Exception {
    byte[] file;
    try (InputStream in = getClass().getResourceAsStream("/datasets/x-education-leads.csv")) {
      file = in.readAllBytes();
    }
    String mapping = Files.readString(Path.of("../docs/imports/x-education-mapping.json"), StandardCharsets.UTF_8);

    ExtractableResponse<Response> accepted =
        upload(as(INTEGRATION), "x-education-leads.csv", CSV, file, mapping, "{\"allowReimport\": true}");
    assertThat(accepted.statusCode()).as(accepted.body().asString()).isEqualTo(202);
    assertThat(accepted.<Integer>path("totalRows")).isEqualTo(9_237);
    String id = accepted.path("id");

    ExtractableResponse<Response> done = finished(INTEGRATION, id, Duration.ofMinutes(3));
    assertThat(done.<String>path("status")).isEqualTo("completed");
    assertThat(done.<Integer>path("processedRows")).isEqualTo(9_237);
    assertThat(done.<Integer>path("createdLeads")).isEqualTo(9_237);
    assertThat(done.<Integer>path("invalidRows")).isZero();
    assertThat(done.<Integer>path("duplicateRows")).isZero();
    assertThat(done.<Integer>path("warnedRows")).isZero();
    assertThat(done.<Map<String, Integer>>path("outcomes")).containsOnly(Map.entry("won", 3_559), Map.entry("disqualified", 5_678));

    List<Map<String, String>> report = report(INTEGRATION, id);
    assertThat(report).hasSize(9_237);
    assertThat(report).allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("CREATED"));
    // The first row of the file: Prospect ID 7927b2df-..., Lead Number 660737, not converted.
    ExtractableResponse<Response> first = succeeded(as(MANAGER).get(Leads.BASE + "/{id}", report.get(0).get("leadId")).then().extract());
    assertThat(first.<String>path("lastName")).isEqualTo("X Education lead 660737");
    // No owner in the file and no assignment rule: the importing integration owns the leads.
    assertThat(first.<String>path("ownerId")).isEqualTo("x-education-import");
    assertThat(first.<String>path("state")).isEqualTo("Disqualified");
    assertThat(first.<String>path("statusReason")).isEqualTo("Lost");
    assertThat(first.<String>path("city")).isNull(); // "Select" means missing
    assertThat(first.<Map<String, Object>>path("attributes"))
        .containsEntry("prospectId", "7927b2df-8bba-4d29-b9a2-b6e0beafe620")
        .containsEntry("leadOrigin", "API")
        .containsEntry("totalVisits", 0)
        .containsEntry("tags", "Interested in other courses")
        .doesNotContainKey("specialization")
        .doesNotContainKey("converted");
  }
}
