package org.leadflow.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Imports.CSV;
import static org.leadflow.lead.api.Imports.IMPORTS;
import static org.leadflow.lead.api.Imports.NDJSON;
import static org.leadflow.lead.api.Imports.as;
import static org.leadflow.lead.api.Imports.finished;
import static org.leadflow.lead.api.Imports.report;
import static org.leadflow.lead.api.Imports.upload;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Bulk import (docs/imports.md) through the API: files run as jobs, rows validated as POST /leads
 * validates a lead, duplicate and assignment rules applied, historical outcomes kept, a per-row report.
 */
@QuarkusTest
class LeadImportTest {

  private static final String MANAGER = TestTokens.salesManager("manager-imports");
  private static final String ADMIN = TestTokens.admin("admin-imports");
  private static final String INTEGRATION = TestTokens.integration("crm-imports");
  private static final String SELLER = TestTokens.seller("seller-imports");
  private static final String OTHER_SELLER = TestTokens.seller("other-seller-imports");

  private static final String MAPPING =
      "{\"columns\": {\"First\": \"firstName\", \"Last\": \"lastName\", \"Company\": \"companyName\", \"Mail\": \"email\","
          + " \"Visits\": \"attributes.visits:number\", \"Campaign\": \"attributes.campaign\"}}";

  @AfterEach
  void rulesAsTheyWere() {
    succeeded(as(ADMIN).contentType(ContentType.JSON).body(DuplicateLeadsTest.ALL_WARN).put("/api/v1/duplicate-rules").then().extract());
    succeeded(as(ADMIN).contentType(ContentType.JSON).body("{\"rules\": []}").put("/api/v1/assignment-rules").then().extract());
  }

  /** A CSV file of the test's mapping, its rows made unique by {@code marker}. */
  private static String csv(String... rows) {
    return "First,Last,Company,Mail,Visits,Campaign\n" + String.join("\n", rows) + "\n";
  }

  private static String started(ExtractableResponse<Response> response) {
    assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(202);
    String id = response.path("id");
    assertThat(response.header("Location")).endsWith(IMPORTS + "/" + id);
    return id;
  }

  @Test
  void aCsvFileIsImportedAsAJobWhoseLeadsAreCreatedByTheImportWithTheirAttributes() throws Exception {
    String marker = Leads.marker();
    String file = csv(
        "Ada,Lovelace," + marker + " Engines,ada@" + marker + ".example,5,spring",
        "Charles,Babbage," + marker + " Mills,charles@" + marker + ".example,,autumn");

    ExtractableResponse<Response> accepted = upload(as(MANAGER), CSV, file, MAPPING, null);
    String id = started(accepted);
    assertThat(accepted.<String>path("status")).isEqualTo("queued");
    assertThat(accepted.<Integer>path("totalRows")).isEqualTo(2);

    ExtractableResponse<Response> done = finished(MANAGER, id);
    assertThat(done.<String>path("status")).isEqualTo("completed");
    assertThat(done.<Integer>path("processedRows")).isEqualTo(2);
    assertThat(done.<Integer>path("createdLeads")).isEqualTo(2);
    assertThat(done.<Integer>path("invalidRows")).isZero();
    assertThat(done.<String>path("startedAt")).isNotNull();
    assertThat(done.<String>path("finishedAt")).isNotNull();

    List<Map<String, String>> report = report(MANAGER, id);
    assertThat(report).extracting(row -> row.get("outcome")).containsExactly("CREATED", "CREATED");
    String ada = report.get(0).get("leadId");
    ExtractableResponse<Response> lead = succeeded(Leads.get(ada));
    assertThat(lead.<String>path("lastName")).isEqualTo("Lovelace");
    assertThat(lead.<String>path("email")).isEqualTo("ada@" + marker + ".example");
    assertThat(lead.<Map<String, Object>>path("attributes")).containsEntry("visits", 5).containsEntry("campaign", "spring");
    assertThat(lead.<String>path("ownerId")).isEqualTo("manager-imports");
    ExtractableResponse<Response> history = succeeded(Leads.history(ada));
    assertThat(history.<String>path("items[0].action")).isEqualTo("created");
    assertThat(history.<String>path("items[0].actor.via")).isEqualTo("import");
    assertThat(history.<String>path("items[0].details.importId")).isEqualTo(id);
  }
}
