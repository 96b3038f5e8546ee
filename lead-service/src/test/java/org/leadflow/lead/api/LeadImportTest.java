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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
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

  private static void duplicateRules(String email, String phone, String similarName, String domain) {
    String body =
        "{\"rules\": [{\"rule\": \"email\", \"mode\": \"" + email + "\"}, {\"rule\": \"phone\", \"mode\": \"" + phone + "\"},"
            + " {\"rule\": \"similar-name\", \"mode\": \"" + similarName + "\"}, {\"rule\": \"email-domain-and-last-name\", \"mode\": \"" + domain + "\"}]}";
    succeeded(as(ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/duplicate-rules").then().extract());
  }

  @Test
  void jsonLinesWithoutAMappingAreReadAsTheBodiesOfPostLeads() throws Exception {
    String marker = Leads.marker();
    String file =
        "{\"companyName\": \"" + marker + " One\", \"qualification\": {\"need\": {\"level\": \"Must Have\"}}}\n"
            + "\n"
            + "{\"companyName\": \"" + marker + " Two\", \"numberOfEmployees\": \"many\"}\n"
            + "{\"companyName\": \"" + marker + " Three\", \"nickname\": \"Tri\"}\n"
            + "not json\n";

    String id = started(upload(as(MANAGER), NDJSON, file, null, null));
    ExtractableResponse<Response> done = finished(MANAGER, id);

    assertThat(done.<Integer>path("totalRows")).isEqualTo(4);
    assertThat(done.<Integer>path("createdLeads")).isEqualTo(1);
    assertThat(done.<Integer>path("invalidRows")).isEqualTo(3);
    List<Map<String, String>> report = report(MANAGER, id);
    assertThat(report).extracting(row -> row.get("row")).containsExactly("1", "2", "3", "4");
    assertThat(report.get(0).get("outcome")).isEqualTo("CREATED");
    assertThat(succeeded(Leads.get(report.get(0).get("leadId"))).<String>path("qualification.need.level")).isEqualTo("Must Have");
    assertThat(report.get(1).get("reasons")).startsWith("numberOfEmployees: ");
    assertThat(report.get(2).get("reasons")).isEqualTo("nickname: is not a field of this request");
    assertThat(report.get(3).get("outcome")).isEqualTo("INVALID");
  }

  @Test
  void invalidRowsAreReportedWithTheReasonsPostLeadsGivesAndAreNotCreated() throws Exception {
    String marker = Leads.marker();
    String mapping = "{\"columns\": {\"Last\": \"lastName\", \"Company\": \"companyName\", \"Mail\": \"email\", \"Country\": \"country\", \"Staff\": \"numberOfEmployees\"}}";
    String file = "Last,Company,Mail,Country,Staff\n"
        + "Valid," + marker + ",valid@" + marker + ".example,GB,12\n"
        + "," + ",nobody@" + marker + ".example,,\n"
        + "Bad," + marker + " Mail,not-an-email,GB,\n"
        + "Far," + marker + " Away,,XX,\n"
        + "Many," + marker + " Staff,,,lots\n";
    List<String> apiSays = invalidFields(Leads.create("{\"lastName\": \"Bad\", \"email\": \"not-an-email\"}"));
    assertThat(apiSays).containsExactly("email");
    String emailMessage = problem(Leads.create("{\"lastName\": \"Bad\", \"email\": \"not-an-email\"}"), 400).path("errors[0].message");

    String id = started(upload(as(MANAGER), CSV, file, mapping, null));
    ExtractableResponse<Response> done = finished(MANAGER, id);

    assertThat(done.<Integer>path("createdLeads")).isEqualTo(1);
    assertThat(done.<Integer>path("invalidRows")).isEqualTo(4);
    List<Map<String, String>> report = report(MANAGER, id);
    assertThat(report).extracting(row -> row.get("outcome")).containsExactly("CREATED", "INVALID", "INVALID", "INVALID", "INVALID");
    assertThat(report.get(1).get("reasons")).isEqualTo("companyName: lastName or companyName is required; lastName: lastName or companyName is required");
    assertThat(report.get(2).get("reasons")).isEqualTo("email: " + emailMessage);
    assertThat(report.get(3).get("reasons")).isEqualTo("country: is not an ISO 3166-1 alpha-2 country code");
    assertThat(report.get(4).get("reasons")).startsWith("numberOfEmployees: ");
    assertThat(report.subList(1, 5)).allSatisfy(row -> assertThat(row.get("leadId")).isEmpty());
    assertThat(succeeded(Leads.list(Map.of("q", marker))).<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void aMappingToAnUnknownFieldIsRefusedNamingTheColumnAndNothingIsImported() {
    String marker = Leads.marker();
    String mapping = "{\"columns\": {\"Company\": \"companyName\", \"Mail\": \"emailAddress\", \"Visits\": \"attributes.visits:date\"}}";

    ExtractableResponse<Response> refused = upload(as(MANAGER), CSV, "Company,Mail,Visits\n" + marker + ",a@b.example,1\n", mapping, null);

    assertThat(invalidFields(refused)).containsExactly("mapping.columns.Mail", "mapping.columns.Visits");
    assertThat(refused.<String>path("errors[0].message")).contains("emailAddress").contains("email");
    assertThat(succeeded(Leads.list(Map.of("q", marker))).<Integer>path("total")).isZero();
  }

  @Test
  void aMappingOfAColumnTheFileLacksOrAHeaderThatNamesNoFieldIsRefused() {
    String mapping = "{\"columns\": {\"Company\": \"companyName\", \"Phone\": \"phone\"}, \"templates\": {\"lastName\": \"{Surname}\"}}";
    assertThat(invalidFields(upload(as(MANAGER), CSV, "Company\nAcme\n", mapping, null)))
        .containsExactly("mapping.columns.Phone", "mapping.templates.lastName");
    assertThat(invalidFields(upload(as(MANAGER), CSV, "companyName,Shoe Size\nAcme,42\n", null, null))).containsExactly("file.header.Shoe Size");
    assertThat(invalidFields(upload(as(MANAGER), CSV, "companyName\nAcme\n", "{\"columns\": ", null))).containsExactly("mapping");
  }

  @Test
  void aDuplicateRuleSetToBlockReportsTheRowAsDuplicateAndCreatesNothingForIt() throws Exception {
    String marker = Leads.marker();
    String existing = Leads.newLead(marker + " Existing");
    succeeded(Leads.patch(existing, "{\"email\": \"taken@" + marker + ".example\"}"));
    duplicateRules("block", "warn", "off", "off");
    String file = csv(
        "Ada,Lovelace," + marker + " A,taken@" + marker + ".example,,",
        "Bea,Brown," + marker + " B,fresh@" + marker + ".example,,",
        "Bea,Brown," + marker + " C,FRESH@" + marker + ".example,,");

    String id = started(upload(as(MANAGER), CSV, file, MAPPING, null));
    ExtractableResponse<Response> done = finished(MANAGER, id);

    assertThat(done.<Integer>path("createdLeads")).isEqualTo(1);
    assertThat(done.<Integer>path("duplicateRows")).isEqualTo(2);
    List<Map<String, String>> report = report(MANAGER, id);
    assertThat(report).extracting(row -> row.get("outcome")).containsExactly("DUPLICATE", "CREATED", "DUPLICATE");
    assertThat(report.get(0).get("candidates")).isEqualTo(existing);
    assertThat(report.get(0).get("reasons")).isEqualTo("possible duplicate (blocked): matched by email");
    assertThat(report.get(0).get("leadId")).isEmpty();
    assertThat(report.get(2).get("candidates")).isEqualTo("row 2");
  }

  @Test
  void aDuplicateRuleSetToWarnCreatesTheLeadAndReportsItsCandidates() throws Exception {
    String marker = Leads.marker();
    String existing = Leads.newLead(marker + " Existing");
    succeeded(Leads.patch(existing, "{\"email\": \"known@" + marker + ".example\"}"));
    duplicateRules("warn", "off", "off", "off");

    String id = started(upload(as(MANAGER), CSV, csv("Ada,Lovelace," + marker + " A,known@" + marker + ".example,,"), MAPPING, null));
    ExtractableResponse<Response> done = finished(MANAGER, id);

    assertThat(done.<Integer>path("createdLeads")).isEqualTo(1);
    assertThat(done.<Integer>path("warnedRows")).isEqualTo(1);
    Map<String, String> row = report(MANAGER, id).get(0);
    assertThat(row.get("outcome")).isEqualTo("WARNED");
    assertThat(row.get("candidates")).isEqualTo(existing);
    assertThat(row.get("reasons")).isEqualTo("possible duplicate (warned): matched by email");
    List<String> found = succeeded(as(MANAGER).get(BASE + "/{id}/duplicates", row.get("leadId")).then().extract()).path("items.id");
    assertThat(found).contains(existing);
  }

  @Test
  void rowsWithoutAnOwnerAreGivenToSellersByTheAssignmentRulesAndTheHistorySaysWhich() throws Exception {
    String industry = "Import " + Leads.marker();
    succeeded(as(ADMIN).contentType(ContentType.JSON)
        .body("{\"rules\": [{\"name\": \"Imported\", \"industries\": [\"" + industry + "\"], \"distribution\": \"round-robin\", \"team\": [\"imp-alice\", \"imp-bob\"]}]}")
        .put("/api/v1/assignment-rules").then().extract());
    String mapping = "{\"columns\": {\"Company\": \"companyName\", \"Industry\": \"industry\", \"Owner\": \"ownerId\"}}";
    String file = "Company,Industry,Owner\nA," + industry + ",\nB," + industry + ",\nC," + industry + ",named-seller\nD,Other,\n";

    String id = started(upload(as(INTEGRATION), CSV, file, mapping, null));
    finished(INTEGRATION, id);

    List<Map<String, String>> report = report(INTEGRATION, id);
    List<String> owners = report.stream().map(row -> succeeded(as(MANAGER).get(BASE + "/{id}", row.get("leadId")).then().extract()).<String>path("ownerId")).toList();
    assertThat(owners).containsExactly("imp-alice", "imp-bob", "named-seller", "crm-imports");
    ExtractableResponse<Response> history = succeeded(as(MANAGER).get(BASE + "/{id}/history", report.get(1).get("leadId")).then().extract());
    assertThat(history.<Map<String, Object>>path("items[0].details.assignedBy")).containsEntry("ruleName", "Imported").containsEntry("ownerId", "imp-bob");
    assertThat(history.<String>path("items[0].details.importId")).isEqualTo(id);
  }

  @Test
  void theSameFileIsRefusedNamingTheEarlierImportUnlessAReimportIsAsked() {
    String file = csv("Ada,Lovelace," + Leads.marker() + ",,,");
    String first = started(upload(as(MANAGER), CSV, file, MAPPING, null));

    ExtractableResponse<Response> refused = problem(upload(as(MANAGER), CSV, file, MAPPING, null), 409);
    assertThat(refused.<String>path("earlierImport")).isEqualTo(first);
    assertThat(refused.<String>path("detail")).contains(first).contains("allowReimport");

    String again = started(upload(as(MANAGER), CSV, file, MAPPING, "{\"allowReimport\": true}"));
    assertThat(again).isNotEqualTo(first);
    // Another seller's import of the same file is theirs: not refused for one they cannot see.
    started(upload(as(SELLER), CSV, file, MAPPING, null));
  }

  @Test
  void historicalOutcomesPutTheLeadInThatStateWithoutAConversion() throws Exception {
    String marker = Leads.marker();
    String mapping = "{\"columns\": {\"Company\": \"companyName\"}, \"outcome\": {\"column\": \"Result\","
        + " \"values\": {\"Q\": \"qualified\", \"DQ\": \"disqualified\", \"W\": \"won\", \"L\": \"lost\"}, \"reasonColumn\": \"Why\", \"dateColumn\": \"On\"}}";
    String file = "Company,Result,Why,On\n"
        + marker + " Q,Q,,2024-03-01\n"
        + marker + " DQ,DQ,No Longer Interested,2023-11-30T10:00:00Z\n"
        + marker + " W,W,,\n"
        + marker + " Open,,,\n"
        + marker + " Bad,Maybe,,\n"
        + marker + " Later,W,,2999-01-01\n";

    String id = started(upload(as(MANAGER), CSV, file, mapping, null));
    ExtractableResponse<Response> done = finished(MANAGER, id);

    assertThat(done.<Integer>path("createdLeads")).isEqualTo(4);
    assertThat(done.<Map<String, Integer>>path("outcomes")).containsOnly(Map.entry("qualified", 1), Map.entry("disqualified", 1), Map.entry("won", 1));
    List<Map<String, String>> report = report(MANAGER, id);
    ExtractableResponse<Response> qualified = succeeded(Leads.get(report.get(0).get("leadId")));
    assertThat(qualified.<String>path("state")).isEqualTo("Qualified");
    assertThat(qualified.<Object>path("conversion")).isNull();
    ExtractableResponse<Response> history = succeeded(Leads.history(report.get(0).get("leadId")));
    assertThat(history.<String>path("items[0].action")).isEqualTo("qualified");
    assertThat(history.<String>path("items[0].details.note")).contains("on 2024-03-01").contains(id);
    ExtractableResponse<Response> disqualified = succeeded(Leads.get(report.get(1).get("leadId")));
    assertThat(disqualified.<String>path("statusReason")).isEqualTo("No Longer Interested");
    assertThat(succeeded(Leads.history(report.get(1).get("leadId"))).<String>path("items[0].details.note")).contains("on 2023-11-30");
    assertThat(succeeded(Leads.get(report.get(3).get("leadId"))).<String>path("state")).isEqualTo("Open");
    assertThat(report.get(4).get("reasons")).startsWith("outcome: Maybe is not one of the mapped values");
    assertThat(report.get(5).get("reasons")).isEqualTo("outcome date: 2999-01-01 is in the future");
  }

  @Test
  void eachImportedLeadPublishesItsCreationAndAHistoricalDisqualificationButNeverAQualification() throws Exception {
    String marker = Leads.marker();
    String mapping = "{\"columns\": {\"Company\": \"companyName\"}, \"outcome\": {\"column\": \"Result\","
        + " \"values\": {\"Q\": \"qualified\", \"DQ\": \"disqualified\"}, \"reasonColumn\": \"Why\"}}";
    String file = "Company,Result,Why\n"
        + marker + " First,,\n"
        + marker + " Second,DQ,Lost\n"
        + marker + " Third,Q,\n";
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = started(upload(as(MANAGER), CSV, file, mapping, null));
      assertThat(finished(MANAGER, id).<Integer>path("createdLeads")).isEqualTo(3);
      List<String> leads = report(MANAGER, id).stream().map(row -> row.get("leadId")).toList();

      List<TopicReader.Event> events =
          reader.await(e -> leads.contains(e.key()) && !LeadEventTypes.ENRICHED.equals(e.header(CloudEventHeaders.TYPE)) && !LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)), 4, Duration.ofSeconds(20));

      // Each lead's events in the order they happened (one partition per lead); no qualification
      // event, which would start a conversion.
      assertThat(events).extracting(e -> e.key() + " " + e.header(CloudEventHeaders.TYPE)).containsExactlyInAnyOrder(
          leads.get(0) + " leadflow.lead.created.v1",
          leads.get(1) + " leadflow.lead.created.v1",
          leads.get(1) + " leadflow.lead.disqualified.v1",
          leads.get(2) + " leadflow.lead.created.v1");
      assertThat(events.stream().filter(e -> leads.get(1).equals(e.key())).map(e -> e.header(CloudEventHeaders.TYPE)))
          .containsExactly("leadflow.lead.created.v1", "leadflow.lead.disqualified.v1");
      events.forEach(EventContract::assertValid);
    }
  }

  @Test
  void aSellersImportIsTheirsAloneAndItsLeadsAreTheirs() throws Exception {
    String id = started(upload(as(SELLER), CSV, csv("Sam,Seller," + Leads.marker() + ",,,"), MAPPING, null));
    finished(SELLER, id);
    String lead = report(SELLER, id).get(0).get("leadId");
    assertThat(succeeded(as(SELLER).get(BASE + "/{id}", lead).then().extract()).<String>path("ownerId")).isEqualTo("seller-imports");

    problem(as(OTHER_SELLER).get(IMPORTS + "/{id}", id).then().extract(), 404);
    problem(as(OTHER_SELLER).get(IMPORTS + "/{id}/report", id).then().extract(), 404);
    assertThat(succeeded(as(OTHER_SELLER).get(IMPORTS).then().extract()).<List<String>>path("items.id")).doesNotContain(id);
    assertThat(succeeded(as(SELLER).get(IMPORTS).then().extract()).<List<String>>path("items.id")).contains(id);
    assertThat(succeeded(as(MANAGER).get(IMPORTS + "/{id}", id).then().extract()).<String>path("importedBy.id")).isEqualTo("seller-imports");
  }

  @Test
  void aSellerCannotImportForAnotherOwner() throws Exception {
    problem(upload(as(SELLER), CSV, csv("Sam,Seller," + Leads.marker() + ",,,"), MAPPING, "{\"ownerId\": \"someone-else\"}"), 403);

    String mapping = "{\"columns\": {\"Company\": \"companyName\", \"Owner\": \"ownerId\"}}";
    String id = started(upload(as(SELLER), CSV, "Company,Owner\n" + Leads.marker() + ",someone-else\n" + Leads.marker() + ",seller-imports\n", mapping, null));
    ExtractableResponse<Response> done = finished(SELLER, id);
    assertThat(done.<Integer>path("invalidRows")).isEqualTo(1);
    assertThat(report(SELLER, id).get(0).get("reasons")).startsWith("ownerId: only a sales manager, an admin or an integration");
  }

  @Test
  void theReportIsACsvAttachment() {
    String id = started(upload(as(MANAGER), CSV, csv("Ada,Lovelace," + Leads.marker() + ",,,"), MAPPING, null));
    finished(MANAGER, id);
    ExtractableResponse<Response> report = succeeded(as(MANAGER).get(IMPORTS + "/{id}/report", id).then().extract());
    assertThat(report.header("Content-Disposition")).isEqualTo("attachment; filename=\"import-" + id + "-report.csv\"");
    assertThat(report.asString()).startsWith("row,outcome,leadId,reasons,candidates\r\n1,CREATED,");
  }

  @Test
  void hostileUploadsAreRefusedWithAProblemAndImportNothing() {
    assertThat(invalidFields(upload(as(MANAGER), CSV, "", null, null))).containsExactly("file");
    assertThat(invalidFields(upload(as(MANAGER), CSV, "companyName\n", null, null))).containsExactly("file");
    assertThat(invalidFields(upload(as(MANAGER), NDJSON, "\n\n", null, null))).containsExactly("file");
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);
    assertThat(invalidFields(upload(as(MANAGER), "garbage.csv", CSV, garbage, null, null))).containsExactly("file");
    assertThat(invalidFields(upload(as(MANAGER), "unterminated.csv", CSV, "companyName\n\"Acme\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null)))
        .containsExactly("file");
    problem(upload(as(MANAGER), "leads.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null, null), 415);
    problem(as(MANAGER).contentType(ContentType.JSON).body("{\"companyName\": \"Acme\"}").post(IMPORTS).then().extract(), 415);
    problem(as(MANAGER).contentType(ContentType.TEXT).body("companyName\nAcme\n").post(IMPORTS).then().extract(), 415);
    ExtractableResponse<Response> notMultipart =
        as(MANAGER)
            .contentType("multipart/form-data; boundary=nothing-here")
            .body("{\"companyName\": \"Acme\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post(IMPORTS)
            .then()
            .extract();
    assertThat(notMultipart.statusCode()).as(notMultipart.body().asString()).isBetween(400, 499);
    assertThat(notMultipart.contentType()).startsWith(Leads.PROBLEM);
    assertThat(invalidFields(as(MANAGER).multiPart("mapping", "{}", "application/json").post(IMPORTS).then().extract())).containsExactly("file");
    assertThat(invalidFields(upload(as(MANAGER), CSV, "companyName\nAcme\n", null, "{\"allowReimport\": \"yes\"}"))).containsExactly("options.allowReimport");
  }

  @Test
  void aFileOfMoreThan100000RowsIsRefusedWith413() {
    StringBuilder file = new StringBuilder("companyName\n");
    for (int i = 0; i <= 100_000; i++) {
      file.append('c').append(i).append('\n');
    }
    ExtractableResponse<Response> refused = problem(upload(as(MANAGER), CSV, file.toString(), null, null), 413);
    assertThat(refused.<String>path("detail")).contains("100000");
  }
}
