package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The heart of the product across both real services: a seller qualifies their lead and gets their
 * opportunity, which no other seller sees.
 */
class ConversionIT {

  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String seller = "seller-" + UUID.randomUUID();
  private final String sellerToken = TestTokens.seller(seller);

  @BeforeAll
  static void startBothServices() {
    services = BothServices.shared(SharedInfrastructure.get());
  }

  @Test
  void aQualifiedLeadBecomesAnOpportunityWithItsAccountAndContactAndTheLeadShowsTheCompletedConversion()
      throws Exception {
    String company = "Analytical Engines " + UUID.randomUUID().toString().substring(0, 8) + " Ltd";
    String leadId =
        post(LeadflowService.LEAD_SERVICE, "/api/v1/leads",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"" + company + "\","
                    + "\"email\":\"ada@" + company.substring(19, 27) + ".example\",\"country\":\"GB\",\"phone\":\"020 7946 0123\"}",
                201)
            .get("id").asText();

    long qualifiedAt = System.nanoTime();
    JsonNode qualified =
        post(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + leadId + "/qualify",
            "{\"opportunity\":{\"name\":\"Engines: 200 seats\",\"estimatedCloseDate\":\"2027-03-31\",\"lines\":["
                + "{\"productName\":\"Seat\",\"quantity\":\"200\",\"unitPrice\":{\"amount\":\"45.00\",\"currency\":\"EUR\"}}]}}",
            200);
    assertThat(qualified.at("/conversion/status").asText()).isEqualTo("pending");
    String opportunityId = qualified.at("/conversion/opportunityId").asText();
    String accountId = qualified.at("/conversion/accountId").asText();
    String contactId = qualified.at("/conversion/contactId").asText();

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
        .until(() -> get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/opportunities/" + opportunityId).statusCode() == 200);
    long readableAfterMicros = (System.nanoTime() - qualifiedAt) / 1_000;
    System.out.printf("First conversion (cold): qualify request sent → opportunity readable: %.1f ms%n", readableAfterMicros / 1000.0);

    JsonNode opportunity = json.readTree(get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/opportunities/" + opportunityId).body());
    assertThat(opportunity.get("originatingLeadId").asText()).isEqualTo(leadId);
    assertThat(opportunity.get("accountId").asText()).isEqualTo(accountId);
    assertThat(opportunity.get("contactId").asText()).isEqualTo(contactId);
    assertThat(opportunity.get("name").asText()).isEqualTo("Engines: 200 seats");
    assertThat(opportunity.at("/estimatedValue/amount").asText()).isEqualTo("9000.00");
    assertThat(opportunity.get("state").asText()).isEqualTo("Open");
    assertThat(opportunity.get("statusReason").asText()).isEqualTo("In Progress");
    // The lead's owner, from the token that captured it, owns the opportunity; to other sellers it does not exist.
    assertThat(opportunity.get("ownerId").asText()).isEqualTo(seller);
    String otherSeller = TestTokens.seller("seller-" + UUID.randomUUID());
    for (String record : List.of("/api/v1/opportunities/" + opportunityId, "/api/v1/accounts/" + accountId, "/api/v1/contacts/" + contactId)) {
      assertThat(get(LeadflowService.OPPORTUNITY_SERVICE, record, otherSeller).statusCode()).as(record).isEqualTo(404);
      assertThat(get(LeadflowService.OPPORTUNITY_SERVICE, record, TestTokens.salesManager("manager-" + seller)).statusCode()).as(record).isEqualTo(200);
    }

    JsonNode account = json.readTree(get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/accounts/" + accountId).body());
    assertThat(account.get("name").asText()).isEqualTo(company);
    JsonNode contact = json.readTree(get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/contacts/" + contactId).body());
    assertThat(contact.get("lastName").asText()).isEqualTo("Lovelace");
    assertThat(contact.get("phone").asText()).isEqualTo("+442079460123");

    await().atMost(Duration.ofSeconds(30))
        .until(() -> "completed".equals(json.readTree(get(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + leadId).body()).at("/conversion/status").asText()));
    JsonNode lead = json.readTree(get(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + leadId).body());
    assertThat(lead.get("state").asText()).isEqualTo("Qualified");
    assertThat(lead.at("/conversion/opportunityId").asText()).isEqualTo(opportunityId);

    // A second lead of the same company: the dry run finds the account, and the conversion reuses it.
    String secondLead =
        post(LeadflowService.LEAD_SERVICE, "/api/v1/leads",
                "{\"firstName\":\"Charles\",\"lastName\":\"Babbage\",\"companyName\":\"" + company.replace(" Ltd", " Limited") + "\"}", 201)
            .get("id").asText();
    JsonNode preview = post(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + secondLead + "/qualify", "{\"dryRun\":true}", 200);
    // lead-service asked opportunity-service with the seller's own token.
    assertThat(preview.at("/preview/matches/available").asBoolean()).as(preview.toString()).isTrue();
    assertThat(preview.at("/preview/matches/accounts/0/id").asText()).isEqualTo(accountId);
    long secondQualifiedAt = System.nanoTime();
    String secondOpportunity =
        post(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + secondLead + "/qualify", "{}", 200).at("/conversion/opportunityId").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
        .until(() -> get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/opportunities/" + secondOpportunity).statusCode() == 200);
    System.out.printf("Second conversion (warm): qualify request sent → opportunity readable: %.1f ms%n",
        (System.nanoTime() - secondQualifiedAt) / 1_000_000.0);
    assertThat(json.readTree(get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/opportunities/" + secondOpportunity).body()).get("accountId").asText())
        .isEqualTo(accountId);
  }

  private JsonNode post(LeadflowService service, String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(services.uri(service, path))
                .header("Authorization", "Bearer " + sellerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(LeadflowService service, String path) throws Exception {
    return get(service, path, sellerToken);
  }

  private HttpResponse<String> get(LeadflowService service, String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(services.uri(service, path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
