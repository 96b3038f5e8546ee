package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;

/**
 * How the opportunity made from a lead ended comes back onto the lead from opportunity-events: won
 * with its revenue, lost to a competitor, reopened; kept on the lead (the API's opportunityOutcome)
 * and in its history, as what scoring learns from.
 */
@QuarkusTest
class OpportunityOutcomeTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private static ExtractableResponse<Response> qualifiedLead() {
    String id =
        given().contentType(ContentType.JSON).body("{\"lastName\":\"Hopper\",\"companyName\":\"Compilers " + UUID.randomUUID() + "\"}")
            .post("/api/v1/leads").then().statusCode(201).extract().path("id");
    return given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/qualify", id).then().statusCode(200).extract();
  }

  private static JsonPath lead(String id) {
    return given().get("/api/v1/leads/{id}", id).then().statusCode(200).extract().jsonPath();
  }

  private static List<String> history(String id) {
    return given().get("/api/v1/leads/{id}/history", id).then().statusCode(200).extract().jsonPath().getList("items.action", String.class);
  }

  private static String won(String leadId, String opportunityId) {
    return "{\"opportunityId\":\"" + opportunityId + "\",\"originatingLeadId\":\"" + leadId + "\",\"ownerId\":\"seller-1\","
        + "\"state\":\"Won\",\"statusReason\":\"Won\",\"statusReasonCode\":3,\"actualRevenue\":{\"amount\":\"4200.00\",\"currency\":\"GBP\"},"
        + "\"actualCloseDate\":\"2027-02-01\",\"estimatedValue\":{\"amount\":\"5000.00\",\"currency\":\"GBP\"},\"stage\":\"Close\","
        + "\"closedBy\":\"seller-1\",\"wonAt\":\"2027-02-01T10:00:00Z\"}";
  }

  @Test
  void aWonOpportunityIsRecordedOnItsLeadWithItsRevenueAndAReopenedOneClearsIt() {
    ExtractableResponse<Response> qualified = qualifiedLead();
    String leadId = qualified.path("lead.id");
    String opportunityId = qualified.path("conversion.opportunityId");

    OpportunityEvents.send(OpportunityEventTypes.WON, opportunityId, won(leadId, opportunityId));

    await().atMost(PATIENCE).until(() -> "won".equals(lead(leadId).getString("opportunityOutcome.result")));
    JsonPath lead = lead(leadId);
    assertThat(lead.getString("opportunityOutcome.statusReason")).isEqualTo("Won");
    assertThat(lead.getString("opportunityOutcome.opportunityId")).isEqualTo(opportunityId);
    assertThat(lead.getString("opportunityOutcome.actualRevenue.amount")).isEqualTo("4200.00");
    assertThat(lead.getString("opportunityOutcome.closeDate")).isEqualTo("2027-02-01");
    assertThat(history(leadId)).contains("opportunity-won");

    OpportunityEvents.send(
        OpportunityEventTypes.REOPENED,
        opportunityId,
        "{\"opportunityId\":\"" + opportunityId + "\",\"originatingLeadId\":\"" + leadId + "\",\"ownerId\":\"seller-1\",\"previousState\":\"Won\","
            + "\"previousStatusReason\":\"Won\",\"state\":\"Open\",\"statusReason\":\"In Progress\",\"statusReasonCode\":1,"
            + "\"reopenedBy\":\"seller-1\",\"reopenedAt\":\"2027-02-02T10:00:00Z\"}");

    await().atMost(PATIENCE).until(() -> lead(leadId).get("opportunityOutcome") == null);
    assertThat(history(leadId)).contains("opportunity-reopened");
  }

  @Test
  void aLostOpportunityIsRecordedWithItsReasonAndCompetitor() {
    ExtractableResponse<Response> qualified = qualifiedLead();
    String leadId = qualified.path("lead.id");
    String opportunityId = qualified.path("conversion.opportunityId");

    OpportunityEvents.send(
        OpportunityEventTypes.LOST,
        opportunityId,
        "{\"opportunityId\":\"" + opportunityId + "\",\"originatingLeadId\":\"" + leadId + "\",\"ownerId\":\"seller-1\",\"state\":\"Lost\","
            + "\"statusReason\":\"Out-Sold\",\"statusReasonCode\":5,\"competitor\":\"Globex\",\"note\":\"Cheaper\","
            + "\"actualCloseDate\":\"2027-02-01\",\"stage\":\"Propose\",\"closedBy\":\"seller-1\",\"lostAt\":\"2027-02-01T10:00:00Z\"}");

    await().atMost(PATIENCE).until(() -> "lost".equals(lead(leadId).getString("opportunityOutcome.result")));
    JsonPath lead = lead(leadId);
    assertThat(lead.getString("opportunityOutcome.statusReason")).isEqualTo("Out-Sold");
    assertThat(lead.getString("opportunityOutcome.competitor")).isEqualTo("Globex");
    assertThat(lead.getString("opportunityOutcome.actualRevenue")).isNull();
  }

  @Test
  void anOutcomeOfAnotherOpportunityThanTheLeadsChangesNothing() {
    ExtractableResponse<Response> qualified = qualifiedLead();
    String leadId = qualified.path("lead.id");
    String opportunityId = qualified.path("conversion.opportunityId");
    String another = UUID.randomUUID().toString();
    long version = lead(leadId).getLong("version");

    // The other opportunity's event first, then the lead's own: the lead shows only its own.
    OpportunityEvents.send(OpportunityEventTypes.WON, another, won(leadId, another));
    OpportunityEvents.send(OpportunityEventTypes.WON, opportunityId, won(leadId, opportunityId));

    await().atMost(PATIENCE).until(() -> "won".equals(lead(leadId).getString("opportunityOutcome.result")));
    assertThat(lead(leadId).getString("opportunityOutcome.opportunityId")).isEqualTo(opportunityId);
    assertThat(history(leadId).stream().filter(Objects::nonNull).filter("opportunity-won"::equals)).hasSize(1);
    assertThat(lead(leadId).getLong("version")).isEqualTo(version + 1);
  }
}
