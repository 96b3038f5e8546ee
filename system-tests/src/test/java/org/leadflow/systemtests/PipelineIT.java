package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The whole process across both packaged services: a seller qualifies a lead, develops and proposes
 * the opportunity, wins it, and the lead shows the won outcome that scoring will learn from.
 */
class PipelineIT {

  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String sellerToken = TestTokens.seller("seller-" + UUID.randomUUID());

  @BeforeAll
  static void startBothServices() {
    services = BothServices.shared(SharedInfrastructure.get());
  }

  @Test
  void qualifyDevelopProposeWinAndTheLeadShowsItsOpportunityWon() throws Exception {
    String leadId =
        send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads", "{\"lastName\":\"Hopper\",\"companyName\":\"Compilers " + UUID.randomUUID() + "\"}", null, 201)
            .get("id").asText();
    String opportunityId = send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads/" + leadId + "/qualify", "{}", null, 200).at("/conversion/opportunityId").asText();
    String opportunity = "/api/v1/opportunities/" + opportunityId;
    await().atMost(Duration.ofSeconds(30)).until(() -> status(LeadflowService.OPPORTUNITY_SERVICE, opportunity) == 200);

    long version = send(LeadflowService.OPPORTUNITY_SERVICE, "GET", opportunity, null, null, 200).get("version").asLong();
    send(LeadflowService.OPPORTUNITY_SERVICE, "PATCH", opportunity,
        "{\"customerNeed\":\"Compile faster\",\"proposedSolution\":\"Two compilers\",\"finalProposalDate\":\"2027-02-15\"}", "\"" + version + "\"", 200);
    assertThat(send(LeadflowService.OPPORTUNITY_SERVICE, "POST", opportunity + "/stage", "{\"stage\":\"Develop\"}", null, 200).get("stage").asText()).isEqualTo("Develop");
    send(LeadflowService.OPPORTUNITY_SERVICE, "POST", opportunity + "/lines",
        "{\"productName\":\"Compiler licence\",\"quantity\":\"2\",\"unitPrice\":{\"amount\":\"1500.00\",\"currency\":\"EUR\"}}", null, 201);
    assertThat(send(LeadflowService.OPPORTUNITY_SERVICE, "POST", opportunity + "/stage", "{\"stage\":\"Propose\"}", null, 200).get("stage").asText()).isEqualTo("Propose");
    assertThat(send(LeadflowService.OPPORTUNITY_SERVICE, "POST", opportunity + "/stage", "{\"stage\":\"Close\"}", null, 200).get("stage").asText()).isEqualTo("Close");
    JsonNode won = send(LeadflowService.OPPORTUNITY_SERVICE, "POST", opportunity + "/win", "{\"actualCloseDate\":\"2027-03-01\"}", null, 200);
    assertThat(won.get("state").asText()).isEqualTo("Won");

    await().atMost(Duration.ofSeconds(30))
        .until(() -> "won".equals(send(LeadflowService.LEAD_SERVICE, "GET", "/api/v1/leads/" + leadId, null, null, 200).at("/opportunityOutcome/result").asText()));
    JsonNode lead = send(LeadflowService.LEAD_SERVICE, "GET", "/api/v1/leads/" + leadId, null, null, 200);
    assertThat(lead.at("/opportunityOutcome/opportunityId").asText()).isEqualTo(opportunityId);
    assertThat(lead.at("/opportunityOutcome/actualRevenue/amount").asText()).isEqualTo("3000.00");
    assertThat(lead.at("/opportunityOutcome/closeDate").asText()).isEqualTo("2027-03-01");
  }

  private int status(LeadflowService service, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(services.uri(service, path)).header("Authorization", "Bearer " + sellerToken).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private JsonNode send(LeadflowService service, String method, String path, String body, String ifMatch, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(services.uri(service, path)).header("Authorization", "Bearer " + sellerToken);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }
}
