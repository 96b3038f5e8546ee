package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.lead.domain.LeadMerge;

/** Merging a duplicate lead into a master: the fields chosen, the timeline moved, the duplicate closed, the events. */
@QuarkusTest
class LeadMergeTest {

  private static final String ALICE = "merge-alice";
  private static final String BOB = "merge-bob";

  @Inject ObjectMapper json;

  private static final String MASTER =
      "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"Analytical Engines\",\"jobTitle\":\"CTO\","
          + "\"email\":\"ada@engines.example\",\"phone\":\"+442079460001\",\"website\":\"https://engines.example\","
          + "\"source\":\"Trade Show\",\"industry\":\"Machinery\",\"numberOfEmployees\":40,"
          + "\"annualRevenue\":{\"amount\":\"1000000.00\",\"currency\":\"GBP\"},\"country\":\"GB\",\"city\":\"London\","
          + "\"description\":\"Met at the fair\",\"attributes\":{\"campaign\":\"fair\",\"tier\":1},"
          + "\"qualification\":{\"budget\":{\"status\":\"May Buy\"},\"authority\":{\"decisionMaker\":true},"
          + "\"need\":{\"level\":\"Should Have\"},\"timeline\":{\"purchaseTimeframe\":\"This Year\"},\"fit\":{\"note\":\"Good size\"}}}";

  private static final String DUPLICATE =
      "{\"firstName\":\"Augusta\",\"lastName\":\"King\",\"companyName\":\"Analytical Engines Ltd\",\"jobTitle\":\"Chief Engineer\","
          + "\"email\":\"augusta@engines.example\",\"phone\":\"+442079460002\",\"website\":\"https://engines.example/uk\","
          + "\"source\":\"Web\",\"industry\":\"Engineering\",\"numberOfEmployees\":45,"
          + "\"annualRevenue\":{\"amount\":\"1200000.00\",\"currency\":\"GBP\"},\"country\":\"IE\",\"city\":\"Dublin\","
          + "\"description\":\"Downloaded the brochure\",\"attributes\":{\"campaign\":\"web\",\"newsletter\":true},"
          + "\"qualification\":{\"budget\":{\"status\":\"Can Buy\"},\"authority\":{\"decisionMaker\":false},"
          + "\"need\":{\"level\":\"Must Have\"},\"timeline\":{\"purchaseTimeframe\":\"This Quarter\"},\"fit\":{\"note\":\"Bigger than thought\"}}}";

  private static String created(RequestSpecification request, String body) {
    return succeeded(request.contentType(ContentType.JSON).body(body).post(BASE).then().extract()).path("id");
  }

  private static String created(String body) {
    return created(given(), body);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  static ExtractableResponse<Response> merge(RequestSpecification request, String masterId, String body) {
    return request.contentType(ContentType.JSON).body(body).post(BASE + "/{id}/merge", masterId).then().extract();
  }

  static ExtractableResponse<Response> merge(String masterId, String body) {
    return merge(given(), masterId, body);
  }

  private static String choosing(String duplicateId, String source, List<String> fields) {
    StringBuilder body = new StringBuilder("{\"duplicateId\":\"" + duplicateId + "\",\"fields\":{");
    for (int i = 0; i < fields.size(); i++) {
      body.append(i == 0 ? "" : ",").append('"').append(fields.get(i)).append("\":\"").append(source).append('"');
    }
    return body.append("}}").toString();
  }

  /** What a lead shows of the fields a merge chooses (the capture of a criterion aside). */
  private Map<String, Object> chosenFields(ExtractableResponse<Response> lead) {
    JsonNode node = read(lead.asString());
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    for (String field : LeadMerge.FIELDS) {
      if (field.startsWith("qualification.")) {
        JsonNode criterion = node.at("/" + field.replace('.', '/')).deepCopy();
        if (criterion instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
          object.remove(List.of("capturedBy", "capturedAt"));
        }
        fields.put(field, criterion.toString());
      } else {
        fields.put(field, node.get(field).toString());
      }
    }
    fields.put("attributes", node.get("attributes").toString());
    return fields;
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyFieldChosenFromTheDuplicateIsTakenFromItAndTheOwnerStaysTheMasters() {
    String master = created(as(TestTokens.seller(ALICE)), MASTER);
    String duplicate = created(as(TestTokens.seller(ALICE)), DUPLICATE);
    Map<String, Object> duplicatesFields = chosenFields(Leads.get(duplicate));
    List<String> every = new java.util.ArrayList<>(LeadMerge.FIELDS);
    every.addAll(List.of("attributes.campaign", "attributes.tier", "attributes.newsletter"));

    ExtractableResponse<Response> merged = succeeded(merge(as(TestTokens.seller(ALICE)), master, choosing(duplicate, "duplicate", every)));

    assertThat(merged.header("ETag")).isEqualTo(Leads.etag(Leads.version(master)));
    Map<String, Object> mastersFields = chosenFields(Leads.get(master));
    Map<String, Object> expected = new java.util.LinkedHashMap<>(duplicatesFields);
    // attributes.tier chosen from the duplicate, which has none: the merged lead has none either.
    assertThat(mastersFields).isEqualTo(expected);
    assertThat(Leads.get(master).<String>path("ownerId")).isEqualTo(ALICE);
    assertThat(merged.<Map<String, String>>path("fields")).containsEntry("email", "duplicate").containsEntry("attributes.tier", "duplicate");
  }

  @Test
  void everyFieldChosenFromTheMasterKeepsTheMastersValueEvenWhereItHasNone() {
    String master = created("{\"lastName\":\"Lovelace\",\"attributes\":{\"tier\":1}}");
    String duplicate = created(DUPLICATE);
    Map<String, Object> before = chosenFields(Leads.get(master));
    List<String> every = new java.util.ArrayList<>(LeadMerge.FIELDS);
    every.addAll(List.of("attributes.campaign", "attributes.tier", "attributes.newsletter"));

    succeeded(merge(master, choosing(duplicate, "master", every)));

    assertThat(chosenFields(Leads.get(master))).isEqualTo(before);
  }

  @Test
  void byDefaultTheMasterKeepsItsValuesAndTakesTheDuplicatesWhereItHasNone() {
    String master =
        created("{\"lastName\":\"Lovelace\",\"email\":\"ada@engines.example\",\"attributes\":{\"campaign\":\"fair\"},\"qualification\":{\"need\":{\"level\":\"Should Have\"}}}");
    String duplicate =
        created(
            "{\"firstName\":\"Augusta\",\"lastName\":\"King\",\"email\":\"augusta@engines.example\",\"phone\":\"+442079460002\","
                + "\"attributes\":{\"campaign\":\"web\",\"newsletter\":true},\"qualification\":{\"budget\":{\"status\":\"Can Buy\",\"note\":\"Signed off\"},\"need\":{\"level\":\"Must Have\"}}}");

    ExtractableResponse<Response> merged = succeeded(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"fields\":{\"attributes.campaign\":\"duplicate\"}}"));

    ExtractableResponse<Response> lead = Leads.get(master);
    assertThat(lead.<String>path("firstName")).isEqualTo("Augusta");
    assertThat(lead.<String>path("lastName")).isEqualTo("Lovelace");
    assertThat(lead.<String>path("email")).isEqualTo("ada@engines.example");
    assertThat(lead.<String>path("phone")).isEqualTo("+442079460002");
    assertThat(lead.<Map<String, Object>>path("attributes")).containsExactlyInAnyOrderEntriesOf(Map.of("campaign", "web", "newsletter", true));
    assertThat(lead.<String>path("qualification.budget.status")).isEqualTo("Can Buy");
    assertThat(lead.<String>path("qualification.budget.note")).isEqualTo("Signed off");
    assertThat(lead.<String>path("qualification.need.level")).isEqualTo("Should Have");
    assertThat(merged.<Map<String, String>>path("fields"))
        .containsEntry("firstName", "duplicate")
        .containsEntry("lastName", "master")
        .containsEntry("qualification.budget", "duplicate")
        .containsEntry("qualification.need", "master")
        .containsEntry("attributes.newsletter", "duplicate");
  }

  @Test
  void theDuplicatesActivitiesMoveToTheMastersTimelineAndItsHistoryIsCopiedThere() {
    String master = created("{\"lastName\":\"Lovelace\"}");
    String duplicate = created("{\"lastName\":\"Lovelace\",\"companyName\":\"" + Leads.marker() + "\"}");
    succeeded(Leads.logActivity(master, "{\"type\":\"Note\",\"subject\":\"On the master\"}"));
    succeeded(Leads.logActivity(duplicate, "{\"type\":\"Note\",\"subject\":\"First on the duplicate\"}"));
    succeeded(Leads.logActivity(duplicate, Leads.COMPLETED_CALL));
    int duplicatesHistory = succeeded(Leads.history(duplicate)).path("total");

    ExtractableResponse<Response> merged = succeeded(merge(master, "{\"duplicateId\":\"" + duplicate + "\"}"));

    assertThat(merged.<Integer>path("activitiesMoved")).isEqualTo(2);
    assertThat(merged.<Integer>path("historyEntriesCopied")).isEqualTo(duplicatesHistory);
    assertThat(succeeded(Leads.activities(master, Map.of())).<List<String>>path("items.subject"))
        .containsExactlyInAnyOrder("On the master", "First on the duplicate", "Intro call");
    assertThat(succeeded(Leads.activities(duplicate, Map.of())).<Integer>path("total")).isZero();

    ExtractableResponse<Response> mastersHistory = succeeded(given().queryParam("size", 100).get(BASE + "/{id}/history", master).then().extract());
    List<Map<String, Object>> entries = mastersHistory.path("items");
    assertThat(entries).filteredOn(entry -> entry.get("details") instanceof Map<?, ?> details && duplicate.equals(details.get("mergedFrom")))
        .hasSize(duplicatesHistory + 1);
    assertThat(entries.get(0).get("action")).isEqualTo("merged");
    assertThat(entries).extracting(entry -> entry.get("action")).contains("activity-logged", "contacted-by-outreach");

    ExtractableResponse<Response> duplicateHistory = succeeded(Leads.history(duplicate));
    assertThat(duplicateHistory.<Integer>path("total")).isEqualTo(duplicatesHistory + 1);
    assertThat(duplicateHistory.<String>path("items[0].action")).isEqualTo("merged-into");
    assertThat(duplicateHistory.<String>path("items[0].details.mergedInto")).isEqualTo(master);
  }

  @Test
  void theDuplicateIsClosedAsMergedAndCanNeitherBeReactivatedNorMergedNorWorkedAgain() {
    String master = created("{\"lastName\":\"Lovelace\"}");
    String other = created("{\"lastName\":\"Lovelace\"}");
    String duplicate = Leads.leadWithStatus("Lost");

    ExtractableResponse<Response> merged = succeeded(merge(master, "{\"duplicateId\":\"" + duplicate + "\"}"));

    assertThat(merged.<String>path("duplicate.state")).isEqualTo("Disqualified");
    assertThat(merged.<String>path("duplicate.statusReason")).isEqualTo("Merged");
    assertThat(merged.<Integer>path("duplicate.statusReasonCode")).isEqualTo(8);
    String before = Leads.get(duplicate).asString();
    assertThat(problem(Leads.reactivate(duplicate), 409).<String>path("type")).endsWith("/transition-not-allowed");
    problem(merge(other, "{\"duplicateId\":\"" + duplicate + "\"}"), 409);
    problem(Leads.logActivity(duplicate, Leads.NOTE), 409);
    problem(Leads.disqualify(duplicate, "Lost"), 409);
    problem(Leads.disqualify(other, "Merged"), 400);
    problem(merge(duplicate, "{\"duplicateId\":\"" + other + "\"}"), 409);
    assertThat(Leads.get(duplicate).asString()).isEqualTo(before);
    String company = Leads.get(duplicate).path("companyName");
    assertThat(succeeded(Leads.list(Map.of("statusReason", "Merged", "q", company))).<List<String>>path("items.id")).containsExactly(duplicate);
  }

  @Test
  void aMergedLeadIsNoLongerFoundAsADuplicate() {
    String email = Leads.marker() + "@twice.example";
    String master = created("{\"lastName\":\"Twice\",\"email\":\"" + email + "\"}");
    String duplicate = created("{\"lastName\":\"Twice\",\"email\":\"" + email + "\"}");
    assertThat(succeeded(given().get(BASE + "/{id}/duplicates", master).then().extract()).<List<String>>path("items.id")).contains(duplicate);

    succeeded(merge(master, "{\"duplicateId\":\"" + duplicate + "\"}"));

    assertThat(succeeded(given().get(BASE + "/{id}/duplicates", master).then().extract()).<List<String>>path("items.id")).doesNotContain(duplicate);
  }

  @Test
  void onlyAnOpenMasterAndAnOpenOrDisqualifiedDuplicateCanBeMergedAndARefusalChangesNothing() {
    String open = created("{\"lastName\":\"Lovelace\"}");
    String qualified = created("{\"lastName\":\"Lovelace\",\"companyName\":\"Converted Ltd\"}");
    succeeded(given().contentType(ContentType.JSON).body("{}").post(BASE + "/{id}/qualify", qualified).then().extract());
    String disqualified = Leads.leadWithStatus("Canceled");
    String beforeOpen = Leads.get(open).asString();
    String beforeDisqualified = Leads.get(disqualified).asString();

    ExtractableResponse<Response> intoQualified = problem(merge(qualified, "{\"duplicateId\":\"" + open + "\"}"), 409);
    assertThat(intoQualified.<String>path("state")).isEqualTo("Qualified");
    problem(merge(open, "{\"duplicateId\":\"" + qualified + "\"}"), 409);
    problem(merge(disqualified, "{\"duplicateId\":\"" + open + "\"}"), 409);

    assertThat(Leads.get(open).asString()).isEqualTo(beforeOpen);
    assertThat(Leads.get(disqualified).asString()).isEqualTo(beforeDisqualified);
  }

  @Test
  void badRequestsAreRefusedNamingWhatIsWrongAndChangeNothing() {
    String master = created("{\"lastName\":\"Lovelace\"}");
    String duplicate = created("{\"companyName\":\"" + Leads.marker() + "\"}");
    String before = Leads.get(master).asString() + Leads.get(duplicate).asString();

    ExtractableResponse<Response> itself = problem(merge(master, "{\"duplicateId\":\"" + master + "\"}"), 422);
    assertThat(itself.<String>path("type")).endsWith("/merge-into-itself");
    problem(merge(master, "{\"duplicateId\":\"" + UUID.randomUUID() + "\"}"), 404);
    problem(merge(UUID.randomUUID().toString(), "{\"duplicateId\":\"" + duplicate + "\"}"), 404);
    assertThat(Leads.invalidFields(merge(master, "{}"))).containsExactly("duplicateId");
    assertThat(Leads.invalidFields(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"fields\":{\"ownerId\":\"duplicate\",\"attributes.nothing\":\"master\"}}")))
        .containsExactly("fields.attributes.nothing", "fields.ownerId");
    assertThat(Leads.invalidFields(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"fields\":{\"email\":\"both\"}}"))).containsExactly("fields.email");
    assertThat(Leads.invalidFields(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"fields\":{\"lastName\":\"duplicate\",\"companyName\":\"master\"}}")))
        .containsExactly("fields.lastName");
    assertThat(Leads.invalidFields(merge(master, "{\"duplicateId\":\"not-a-uuid\"}"))).isNotEmpty();
    assertThat(Leads.invalidFields(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"unknown\":1}"))).isNotEmpty();

    ExtractableResponse<Response> staleMaster =
        problem(given().header("If-Match", Leads.etag(7)).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}").post(BASE + "/{id}/merge", master).then().extract(), 412);
    assertThat(staleMaster.header("ETag")).isEqualTo(Leads.etag(0));
    problem(merge(master, "{\"duplicateId\":\"" + duplicate + "\",\"duplicateVersion\":5}"), 412);

    assertThat(Leads.get(master).asString() + Leads.get(duplicate).asString()).isEqualTo(before);
    succeeded(given().header("If-Match", Leads.etag(0)).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\",\"duplicateVersion\":0}").post(BASE + "/{id}/merge", master).then().extract());
  }

  @Test
  void aSellerMergesOnlyTwoLeadsTheyOwnAndLearnsNothingOfAnotherOwnersLead() {
    String alicesMaster = created(as(TestTokens.seller(ALICE)), "{\"lastName\":\"Lovelace\"}");
    String alicesDuplicate = created(as(TestTokens.seller(ALICE)), "{\"lastName\":\"Lovelace\"}");
    String bobsLead = created(as(TestTokens.seller(BOB)), "{\"lastName\":\"Lovelace\"}");
    String before = Leads.get(alicesMaster).asString() + Leads.get(bobsLead).asString();

    ExtractableResponse<Response> intoHers = problem(merge(as(TestTokens.seller(ALICE)), alicesMaster, "{\"duplicateId\":\"" + bobsLead + "\"}"), 404);
    ExtractableResponse<Response> unknown = problem(merge(as(TestTokens.seller(ALICE)), alicesMaster, "{\"duplicateId\":\"" + UUID.randomUUID() + "\"}"), 404);
    problem(merge(as(TestTokens.seller(ALICE)), bobsLead, "{\"duplicateId\":\"" + alicesDuplicate + "\"}"), 404);
    problem(merge(as(TestTokens.seller(BOB)), alicesMaster, "{\"duplicateId\":\"" + bobsLead + "\"}"), 404);
    assertThat(intoHers.<String>path("title")).isEqualTo(unknown.<String>path("title"));
    assertThat(intoHers.asString()).doesNotContain(BOB);
    assertThat(Leads.get(alicesMaster).asString() + Leads.get(bobsLead).asString()).isEqualTo(before);

    succeeded(merge(as(TestTokens.seller(ALICE)), alicesMaster, "{\"duplicateId\":\"" + alicesDuplicate + "\"}"));

    ExtractableResponse<Response> managers = succeeded(merge(as(TestTokens.salesManager("merge-manager")), alicesMaster, "{\"duplicateId\":\"" + bobsLead + "\"}"));
    assertThat(managers.<String>path("master.ownerId")).isEqualTo(ALICE);
    assertThat(managers.<String>path("duplicate.ownerId")).isEqualTo(BOB);
    problem(merge(as(TestTokens.admin("merge-admin")), alicesMaster, "{\"duplicateId\":\"" + alicesDuplicate + "\"}"), 403);
    problem(merge(as(TestTokens.integration("merge-import")), alicesMaster, "{\"duplicateId\":\"" + alicesDuplicate + "\"}"), 403);
  }

  @Test
  void aMergePublishesTheMastersChangesAndAMergedEventForEachLead() throws Exception {
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String master = created("{\"lastName\":\"Lovelace\"}");
      String duplicate = created("{\"lastName\":\"Lovelace\",\"email\":\"ada@" + Leads.marker() + ".example\"}");
      succeeded(Leads.logActivity(duplicate, Leads.NOTE));

      succeeded(merge(master, "{\"duplicateId\":\"" + duplicate + "\"}"));

      // Enrichment publishes what it finds out about the duplicate's email as an event of its own.
      List<TopicReader.Event> mastersEvents = reader.await(e -> master.equals(e.key()) && !isEnrichment(e), 3, Duration.ofSeconds(20));
      List<TopicReader.Event> duplicatesEvents = reader.await(e -> duplicate.equals(e.key()) && !isEnrichment(e), 3, Duration.ofSeconds(20));
      assertThat(mastersEvents).extracting(e -> e.header(CloudEventHeaders.TYPE))
          .containsExactly("leadflow.lead.created.v1", "leadflow.lead.updated.v1", "leadflow.lead.merged.v1");
      assertThat(duplicatesEvents).extracting(e -> e.header(CloudEventHeaders.TYPE))
          .containsExactly("leadflow.lead.created.v1", "leadflow.lead.activity-logged.v1", "leadflow.lead.merged.v1");
      mastersEvents.forEach(EventContract::assertValid);
      duplicatesEvents.forEach(EventContract::assertValid);

      JsonNode updated = read(mastersEvents.get(1).value());
      assertThat(updated.at("/changes/0/field").asText()).isEqualTo("email");
      JsonNode onMaster = read(mastersEvents.get(2).value());
      assertThat(onMaster.get("role").asText()).isEqualTo("master");
      assertThat(onMaster.get("duplicateId").asText()).isEqualTo(duplicate);
      assertThat(onMaster.get("activitiesMoved").asInt()).isEqualTo(1);
      assertThat(onMaster.at("/takenFromDuplicate/0/field").asText()).isEqualTo("email");
      JsonNode onDuplicate = read(duplicatesEvents.get(2).value());
      assertThat(onDuplicate.get("role").asText()).isEqualTo("duplicate");
      assertThat(onDuplicate.get("masterId").asText()).isEqualTo(master);
      assertThat(onDuplicate.get("statusReason").asText()).isEqualTo("Merged");
      assertThat(onDuplicate.get("statusReasonCode").asInt()).isEqualTo(8);
      assertThat(onDuplicate.get("previousStatusReason").asText()).isEqualTo("New");
      assertThat(onDuplicate.get("mergedBy").asText()).isEqualTo(TestTokens.DEFAULT_CALLER);
    }
  }

  private static boolean isEnrichment(TopicReader.Event event) {
    // Enrichment and scoring follow every change with events of their own.
    return LeadEventTypes.ENRICHED.equals(event.header(CloudEventHeaders.TYPE)) || LeadEventTypes.SCORED.equals(event.header(CloudEventHeaders.TYPE));
  }

  @Test
  void anIdempotencyKeyAnswersARepeatedMergeWithTheFirstAnswer() {
    String master = created("{\"lastName\":\"Lovelace\"}");
    String duplicate = created("{\"lastName\":\"Lovelace\"}");
    String key = "merge-" + Leads.marker();
    String body = "{\"duplicateId\":\"" + duplicate + "\"}";
    ExtractableResponse<Response> first = succeeded(merge(given().header("Idempotency-Key", key), master, body));
    ExtractableResponse<Response> again = succeeded(merge(given().header("Idempotency-Key", key), master, body));
    assertThat(again.header(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
    assertThat(again.<String>path("master.id")).isEqualTo(first.<String>path("master.id"));
    assertThat(Leads.version(master)).isEqualTo(first.<Integer>path("master.version").longValue());
  }
}
