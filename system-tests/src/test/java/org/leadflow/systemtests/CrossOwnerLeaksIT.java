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
 * The cross-owner attacks of issue 12 across both real services, over HTTP with real tokens: a
 * seller's conversion links and reuses only what the lead's owner may see, and neither matching nor
 * the qualify dry run tells a seller anything about another seller's records.
 */
class CrossOwnerLeaksIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final LeadflowService LEADS = LeadflowService.LEAD_SERVICE;
  private static final LeadflowService OPPORTUNITIES = LeadflowService.OPPORTUNITY_SERVICE;

  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private final String marker = UUID.randomUUID().toString().substring(0, 8);
  private final String alice = TestTokens.seller("seller-alice-" + marker);
  private final String bob = TestTokens.seller("seller-bob-" + marker);
  private final String carol = TestTokens.seller("seller-carol-" + marker);
  private final String manager = TestTokens.salesManager("manager-" + marker);
  private final String company = "Analytical Engines " + marker + " Ltd";
  private final String email = "ada@engines-" + marker + ".example";

  @BeforeAll
  static void startBothServices() {
    services = BothServices.shared(SharedInfrastructure.get());
  }

  @Test
  void bobQualifyingHisLeadWithAlicesAccountOrContactFailsAsForAnUnknownOneAndSeesNothingOfHers() throws Exception {
    JsonNode alices = alicesCompletedConversion();
    String alicesAccount = alices.get("accountId").asText();
    String alicesContact = alices.get("contactId").asText();
    String unknown = UUID.randomUUID().toString();

    JsonNode withAlicesAccount = failedConversion(bob, "{\"existingAccountId\":\"" + alicesAccount + "\"}");
    JsonNode withUnknownAccount = failedConversion(bob, "{\"existingAccountId\":\"" + unknown + "\"}");
    JsonNode withAlicesContact = failedConversion(bob, "{\"existingContactId\":\"" + alicesContact + "\"}");
    JsonNode withUnknownContact = failedConversion(bob, "{\"existingContactId\":\"" + unknown + "\"}");

    assertThat(withAlicesAccount.get("failureReason").asText()).isEqualTo("account-not-found")
        .isEqualTo(withUnknownAccount.get("failureReason").asText());
    assertThat(withAlicesAccount.get("failureDetail").asText().replace(alicesAccount, "ID"))
        .isEqualTo(withUnknownAccount.get("failureDetail").asText().replace(unknown, "ID"));
    assertThat(withAlicesContact.get("failureReason").asText()).isEqualTo("contact-not-found")
        .isEqualTo(withUnknownContact.get("failureReason").asText());
    assertThat(withAlicesContact.get("failureDetail").asText().replace(alicesContact, "ID"))
        .isEqualTo(withUnknownContact.get("failureDetail").asText().replace(unknown, "ID"));
    for (JsonNode failed : List.of(withAlicesAccount, withAlicesContact)) {
      assertThat(get(OPPORTUNITIES, "/api/v1/opportunities/" + failed.get("opportunityId").asText(), manager).statusCode())
          .as("nothing was created")
          .isEqualTo(404);
    }
    assertThat(get(OPPORTUNITIES, "/api/v1/accounts/" + alicesAccount, bob).statusCode()).isEqualTo(404);
    assertThat(get(OPPORTUNITIES, "/api/v1/contacts/" + alicesContact, bob).statusCode()).isEqualTo(404);
    for (String list : List.of("/api/v1/accounts?size=200", "/api/v1/contacts?size=200", "/api/v1/opportunities?size=200")) {
      HttpResponse<String> page = get(OPPORTUNITIES, list, bob);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).as(list).doesNotContain(alicesAccount, alicesContact, marker);
    }
  }

  @Test
  void matchesAndTheQualifyDryRunAsBobRevealNothingOfAlicesRecords() throws Exception {
    JsonNode alices = alicesCompletedConversion();
    String alicesAccount = alices.get("accountId").asText();
    String alicesContact = alices.get("contactId").asText();

    HttpResponse<String> matches =
        post(OPPORTUNITIES, "/api/v1/matches", "{\"companyName\":\"" + company + "\",\"email\":\"" + email + "\"}", bob);
    assertThat(matches.statusCode()).as(matches.body()).isEqualTo(200);
    assertThat(json.readTree(matches.body()).get("accounts")).isEmpty();
    assertThat(json.readTree(matches.body()).get("contacts")).isEmpty();
    assertThat(matches.body()).doesNotContain(alicesAccount, alicesContact, "\"email\"]");

    String bobsLead = createLead(bob);
    HttpResponse<String> dryRun = post(LEADS, "/api/v1/leads/" + bobsLead + "/qualify", "{\"dryRun\":true}", bob);
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    JsonNode preview = json.readTree(dryRun.body()).at("/preview/matches");
    assertThat(preview.get("available").asBoolean()).as(dryRun.body()).isTrue();
    assertThat(preview.get("accounts")).isEmpty();
    assertThat(preview.get("contacts")).isEmpty();
    assertThat(dryRun.body()).doesNotContain(alicesAccount, alicesContact, "\"email\"]");

    // A sales manager previewing Bob's lead sees what Bob's conversion would reuse: nothing of Alice's.
    HttpResponse<String> managersDryRun = post(LEADS, "/api/v1/leads/" + bobsLead + "/qualify", "{\"dryRun\":true}", manager);
    assertThat(managersDryRun.statusCode()).as(managersDryRun.body()).isEqualTo(200);
    assertThat(json.readTree(managersDryRun.body()).at("/preview/matches/contacts")).isEmpty();
    assertThat(managersDryRun.body()).doesNotContain(alicesAccount, alicesContact);
  }

  @Test
  void carolsLeadWithTheEmailOfAlicesContactGetsANewContactThatASalesManagerSeesAsAPossibleDuplicate() throws Exception {
    JsonNode alices = alicesCompletedConversion();
    String alicesContact = alices.get("contactId").asText();
    String carolsLead = createLead(carol);

    JsonNode qualified = json.readTree(post(LEADS, "/api/v1/leads/" + carolsLead + "/qualify", "{}", carol).body());
    JsonNode conversion = awaitResolved(carolsLead, carol);

    assertThat(conversion.get("status").asText()).as(conversion.toString()).isEqualTo("completed");
    String carolsContact = conversion.get("contactId").asText();
    assertThat(carolsContact).isEqualTo(qualified.at("/conversion/contactId").asText()).isNotEqualTo(alicesContact);
    assertThat(get(OPPORTUNITIES, "/api/v1/contacts/" + carolsContact, carol).statusCode()).isEqualTo(200);
    assertThat(get(OPPORTUNITIES, "/api/v1/contacts/" + alicesContact, carol).statusCode()).isEqualTo(404);

    HttpResponse<String> duplicates =
        get(OPPORTUNITIES, "/api/v1/possible-duplicates?recordType=contact&originatingLeadId=" + carolsLead, manager);
    assertThat(duplicates.statusCode()).as(duplicates.body()).isEqualTo(200);
    JsonNode duplicate = json.readTree(duplicates.body()).at("/items/0");
    assertThat(duplicate.get("recordId").asText()).isEqualTo(carolsContact);
    assertThat(duplicate.get("existingRecordId").asText()).isEqualTo(alicesContact);
    assertThat(duplicate.get("matchedBy").toString()).isEqualTo("[\"email\"]");
    assertThat(get(OPPORTUNITIES, "/api/v1/possible-duplicates", carol).statusCode()).isEqualTo(403);
  }

  /** Alice's lead of the company, qualified and converted: its completed conversion. */
  private JsonNode alicesCompletedConversion() throws Exception {
    String lead = createLead(alice);
    HttpResponse<String> qualified = post(LEADS, "/api/v1/leads/" + lead + "/qualify", "{}", alice);
    assertThat(qualified.statusCode()).as(qualified.body()).isEqualTo(200);
    JsonNode conversion = awaitResolved(lead, alice);
    assertThat(conversion.get("status").asText()).as(conversion.toString()).isEqualTo("completed");
    return conversion;
  }

  /** A new lead of the seller's with the company, person and email of Alice's. */
  private String createLead(String token) throws Exception {
    HttpResponse<String> created =
        post(
            LEADS,
            "/api/v1/leads",
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"" + company + "\",\"email\":\"" + email + "\"}",
            token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asText();
  }

  /** Qualifies a new lead of the seller's with these options and answers its failed conversion. */
  private JsonNode failedConversion(String token, String options) throws Exception {
    String lead = createLead(token);
    HttpResponse<String> qualified = post(LEADS, "/api/v1/leads/" + lead + "/qualify", options, token);
    assertThat(qualified.statusCode()).as(qualified.body()).isEqualTo(200);
    JsonNode conversion = awaitResolved(lead, token);
    assertThat(conversion.get("status").asText()).as(conversion.toString()).isEqualTo("failed");
    return conversion;
  }

  private JsonNode awaitResolved(String lead, String token) throws Exception {
    await().atMost(PATIENCE).until(() -> !"pending".equals(conversionOf(lead, token).get("status").asText()));
    return conversionOf(lead, token);
  }

  private JsonNode conversionOf(String lead, String token) throws Exception {
    return json.readTree(get(LEADS, "/api/v1/leads/" + lead, token).body()).get("conversion");
  }

  private HttpResponse<String> post(LeadflowService service, String path, String body, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(services.uri(service, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(LeadflowService service, String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(services.uri(service, path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
