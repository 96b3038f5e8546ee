package org.leadflow.opportunity.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.MATCHES;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.POSSIBLE_DUPLICATES;
import static org.leadflow.opportunity.Api.awaitFound;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Answers;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * The cross-owner attacks of issue 12, as events published to the real broker and requests with
 * real tokens: a conversion links and reuses only what the lead's owner may see, and matching tells
 * a seller nothing about records they may not see.
 */
@QuarkusTest
class CrossOwnerLeaksTest {

  private static final String ALICE = "seller-alice-" + QualifiedLead.marker();
  private static final String BOB = "seller-bob-" + QualifiedLead.marker();
  private static final String CAROL = "seller-carol-" + QualifiedLead.marker();
  private static final String MANAGER = "manager-maria";

  /** Alice's converted lead: her account and contact. */
  private static final QualifiedLead ALICES = new QualifiedLead();

  private static LeadEvents leadEvents;
  private Answers answers;

  @BeforeAll
  static void aliceConvertsHerLead() {
    leadEvents = new LeadEvents();
    ALICES.ownerId = ALICE;
    leadEvents.qualified(ALICES);
    Database.awaitOpportunity(ALICES.opportunityId);
  }

  @AfterAll
  static void disconnect() {
    leadEvents.close();
  }

  @BeforeEach
  void listen() {
    answers = new Answers();
  }

  @AfterEach
  void stopListening() {
    answers.close();
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  // --- Linking -------------------------------------------------------------------------------

  @Test
  void bobLinkingAlicesAccountFailsExactlyAsLinkingAnAccountThatDoesNotExistAndCreatesNothing() {
    ConversionFailed withAlices = failureOfBobsLeadLinking(ALICES.accountId, null);
    UUID unknown = UUID.randomUUID();
    ConversionFailed withUnknown = failureOfBobsLeadLinking(unknown, null);

    assertThat(withAlices.reason()).isEqualTo("account-not-found").isEqualTo(withUnknown.reason());
    assertThat(withAlices.detail().replace(ALICES.accountId.toString(), "ID")).isEqualTo(withUnknown.detail().replace(unknown.toString(), "ID"));
    assertBobSeesNothingOfAlices();
  }

  @Test
  void bobLinkingAlicesContactFailsExactlyAsLinkingAContactThatDoesNotExistAndCreatesNothing() {
    ConversionFailed withAlices = failureOfBobsLeadLinking(null, ALICES.contactId);
    UUID unknown = UUID.randomUUID();
    ConversionFailed withUnknown = failureOfBobsLeadLinking(null, unknown);

    assertThat(withAlices.reason()).isEqualTo("contact-not-found").isEqualTo(withUnknown.reason());
    assertThat(withAlices.detail().replace(ALICES.contactId.toString(), "ID")).isEqualTo(withUnknown.detail().replace(unknown.toString(), "ID"));
    assertBobSeesNothingOfAlices();
  }

  @Test
  void aliceLinkingHerOwnAccountAndContactStillLinksThem() {
    QualifiedLead another = new QualifiedLead();
    another.ownerId = ALICE;
    another.existingAccountId = ALICES.accountId;
    another.existingContactId = ALICES.contactId;

    leadEvents.qualified(another);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, another.opportunityId);
    assertThat(opportunity.<String>path("accountId")).isEqualTo(ALICES.accountId.toString());
    assertThat(opportunity.<String>path("contactId")).isEqualTo(ALICES.contactId.toString());
  }

  private ConversionFailed failureOfBobsLeadLinking(UUID existingAccountId, UUID existingContactId) {
    QualifiedLead bobs = new QualifiedLead();
    bobs.ownerId = BOB;
    bobs.existingAccountId = existingAccountId;
    bobs.existingContactId = existingContactId;
    leadEvents.qualified(bobs);
    ConversionFailed failed = answers.failure(bobs);
    problem(as(TestTokens.salesManager(MANAGER)).get(OPPORTUNITIES + "/{id}", bobs.opportunityId).then().extract(), 404);
    assertThat(Database.count("SELECT count(*) FROM account WHERE originating_lead_id = ?", bobs.leadId)).isZero();
    assertThat(Database.count("SELECT count(*) FROM contact WHERE originating_lead_id = ?", bobs.leadId)).isZero();
    return failed;
  }

  private static void assertBobSeesNothingOfAlices() {
    String bob = TestTokens.seller(BOB);
    problem(as(bob).get(ACCOUNTS + "/{id}", ALICES.accountId).then().extract(), 404);
    problem(as(bob).get(CONTACTS + "/{id}", ALICES.contactId).then().extract(), 404);
    for (String list : List.of(ACCOUNTS, CONTACTS, OPPORTUNITIES)) {
      ExtractableResponse<Response> page = succeeded(as(bob).queryParam("size", 200).get(list).then().extract());
      assertThat(page.asString()).as(list).doesNotContain(ALICES.accountId.toString(), ALICES.contactId.toString(), ALICES.marker);
    }
  }

  // --- Matching ------------------------------------------------------------------------------

  @Test
  void matchesAsBobRevealNothingOfAlicesRecords() {
    ExtractableResponse<Response> forBob = succeeded(matches(TestTokens.seller(BOB), alicesLeadAsProbe()));

    assertThat(forBob.<List<?>>path("accounts")).isEmpty();
    assertThat(forBob.<List<?>>path("contacts")).isEmpty();
    assertThat(forBob.asString()).doesNotContain(ALICES.accountId.toString(), ALICES.contactId.toString(), "matchedBy\":[\"email");
  }

  @Test
  void matchesAsBobNamingHimselfAsOwnerRevealNothingEither() {
    Map<String, String> probe = new HashMap<>(alicesLeadAsProbe());
    probe.put("ownerId", BOB);

    ExtractableResponse<Response> forBob = succeeded(matches(TestTokens.seller(BOB), probe));

    assertThat(forBob.<List<?>>path("accounts")).isEmpty();
    assertThat(forBob.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void aSellerNamingAnotherOwnerForMatchesIsRefusedWith403() {
    Map<String, String> probe = new HashMap<>(alicesLeadAsProbe());
    probe.put("ownerId", ALICE);

    ExtractableResponse<Response> refused = problem(matches(TestTokens.seller(BOB), probe), 403);

    assertThat(refused.asString()).doesNotContain(ALICES.accountId.toString(), ALICES.contactId.toString());
  }

  @Test
  void aSalesManagerSeesEveryMatchButAsAnOwnerOnlyWhatThatOwnersConversionWouldReuse() {
    ExtractableResponse<Response> asManager = succeeded(matches(TestTokens.salesManager(MANAGER), alicesLeadAsProbe()));
    assertThat(asManager.<List<String>>path("accounts.id")).containsExactly(ALICES.accountId.toString());
    assertThat(asManager.<List<String>>path("contacts.id")).containsExactly(ALICES.contactId.toString());

    Map<String, String> asBob = new HashMap<>(alicesLeadAsProbe());
    asBob.put("ownerId", BOB);
    ExtractableResponse<Response> previewForBob = succeeded(matches(TestTokens.salesManager(MANAGER), asBob));
    assertThat(previewForBob.<List<?>>path("accounts")).isEmpty();
    assertThat(previewForBob.<List<?>>path("contacts")).isEmpty();

    Map<String, String> asAlice = new HashMap<>(alicesLeadAsProbe());
    asAlice.put("ownerId", ALICE);
    ExtractableResponse<Response> previewForAlice = succeeded(matches(TestTokens.salesManager(MANAGER), asAlice));
    assertThat(previewForAlice.<List<String>>path("contacts.id")).containsExactly(ALICES.contactId.toString());
    assertThat(previewForAlice.<String>path("contacts[0].email")).isEqualTo(ALICES.email);
  }

  private static Map<String, String> alicesLeadAsProbe() {
    return Map.of("companyName", ALICES.companyName, "website", ALICES.website, "email", ALICES.email, "phone", ALICES.phone);
  }

  private static ExtractableResponse<Response> matches(String token, Map<String, String> probe) {
    return as(token).contentType(ContentType.JSON).body(probe).post(MATCHES).then().extract();
  }

  // --- Automatic reuse -----------------------------------------------------------------------

  @Test
  void carolsLeadWithTheEmailOfAlicesContactGetsANewContactAndASalesManagerSeesThePossibleDuplicate() {
    QualifiedLead alices = alicesConvertedLead();
    QualifiedLead carols = new QualifiedLead();
    carols.ownerId = CAROL;
    carols.email = alices.email;

    leadEvents.qualified(carols);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, carols.opportunityId);
    assertThat(opportunity.<String>path("contactId")).isEqualTo(carols.contactId.toString());
    OpportunityCreated created = answers.created(carols);
    assertThat(created.contactCreated()).isTrue();
    String carol = TestTokens.seller(CAROL);
    assertThat(succeeded(as(carol).get(CONTACTS + "/{id}", carols.contactId).then().extract()).<String>path("email")).isEqualTo(alices.email);
    problem(as(carol).get(CONTACTS + "/{id}", alices.contactId).then().extract(), 404);

    ExtractableResponse<Response> duplicates =
        succeeded(
            as(TestTokens.salesManager(MANAGER))
                .queryParams(Map.of("originatingLeadId", carols.leadId, "recordType", "contact"))
                .get(POSSIBLE_DUPLICATES)
                .then()
                .extract());
    assertThat(duplicates.<Integer>path("total")).isEqualTo(1);
    assertThat(duplicates.<String>path("items[0].recordType")).isEqualTo("contact");
    assertThat(duplicates.<String>path("items[0].recordId")).isEqualTo(carols.contactId.toString());
    assertThat(duplicates.<String>path("items[0].existingRecordId")).isEqualTo(alices.contactId.toString());
    assertThat(duplicates.<List<String>>path("items[0].matchedBy")).containsExactly("email");
    assertThat(duplicates.<String>path("items[0].ownerId")).isEqualTo(CAROL);
    assertThat(duplicates.<String>path("items[0].existingOwnerId")).isEqualTo(ALICE);
    assertThat(duplicates.<String>path("items[0].conversionId")).isEqualTo(carols.conversionId.toString());
    assertThat(duplicates.<String>path("items[0].detectedAt")).isNotBlank();
  }

  @Test
  void carolsLeadOfAlicesCompanyGetsANewAccountRecordedAsAPossibleDuplicate() {
    QualifiedLead alices = alicesConvertedLead();
    QualifiedLead carols = new QualifiedLead(alices.marker);
    carols.ownerId = CAROL;
    carols.phone = QualifiedLead.randomPhone();
    carols.email = "carol." + QualifiedLead.marker() + "@gmail.com";

    leadEvents.qualified(carols);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, carols.opportunityId);
    assertThat(opportunity.<String>path("accountId")).isEqualTo(carols.accountId.toString());
    problem(as(TestTokens.seller(CAROL)).get(ACCOUNTS + "/{id}", alices.accountId).then().extract(), 404);
    ExtractableResponse<Response> duplicates =
        succeeded(
            as(TestTokens.salesManager(MANAGER))
                .queryParams(Map.of("originatingLeadId", carols.leadId, "recordType", "account"))
                .get(POSSIBLE_DUPLICATES)
                .then()
                .extract());
    assertThat(duplicates.<List<String>>path("items.existingRecordId")).containsExactly(alices.accountId.toString());
    assertThat(duplicates.<List<String>>path("items[0].matchedBy")).containsExactly("company-name", "website-domain");
  }

  /** Another lead of Alice's, converted: records that no other test's conversion matches. */
  private static QualifiedLead alicesConvertedLead() {
    QualifiedLead alices = new QualifiedLead();
    alices.ownerId = ALICE;
    leadEvents.qualified(alices);
    Database.awaitOpportunity(alices.opportunityId);
    return alices;
  }
}
