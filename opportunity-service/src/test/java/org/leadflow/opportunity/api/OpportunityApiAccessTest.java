package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.MATCHES;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.POSSIBLE_DUPLICATES;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Who may read what (docs/architecture.md, section Security and visibility), for every endpoint of opportunity-service: a bearer token
 * is required and verified; sellers and sales managers read, integrations only look for matches,
 * admins only handle the dead letters (theirs alone), only sales managers list possible duplicates;
 * a seller reads the opportunities they own and the accounts and contacts they own or that one of
 * their opportunities is linked to, and nothing else exists for them, in matches neither.
 */
@QuarkusTest
class OpportunityApiAccessTest {

  private static final String ALICE = "seller-alice-" + QualifiedLead.marker();
  private static final String BOB = "seller-bob-" + QualifiedLead.marker();

  /** Alice's converted lead: her opportunity, account and contact. */
  private static final QualifiedLead ALICES = new QualifiedLead();
  /**
   * Bob's lead of the same company and person as one of Alice's: his conversion may not reuse her
   * account and contact, so it creates his own, recorded as possible duplicates of hers.
   */
  private static final QualifiedLead ALICES_SHARED = new QualifiedLead();
  private static final QualifiedLead BOBS_OF_THE_SAME_COMPANY = new QualifiedLead(ALICES_SHARED.marker);

  private static final String ALICES_CREATED_ON = "2026-05-01";

  private static LeadEvents leadEvents;

  /** Every endpoint of opportunity-service, with a request about Alice's records. */
  enum Endpoint {
    GET_OPPORTUNITY("GET", OPPORTUNITIES + "/{id}"),
    LIST_OPPORTUNITIES("GET", OPPORTUNITIES),
    GET_ACCOUNT("GET", ACCOUNTS + "/{id}"),
    LIST_ACCOUNTS("GET", ACCOUNTS),
    GET_CONTACT("GET", CONTACTS + "/{id}"),
    LIST_CONTACTS("GET", CONTACTS),
    FIND_MATCHES("POST", MATCHES),
    LIST_POSSIBLE_DUPLICATES("GET", POSSIBLE_DUPLICATES),
    GET_PIPELINE("GET", "/api/v1/pipeline"),
    GET_FUNNEL("GET", "/api/v1/pipeline/funnel");

    final String method;
    final String path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    ExtractableResponse<Response> call(RequestSpecification request, QualifiedLead lead) {
      return switch (this) {
        case GET_OPPORTUNITY -> request.get(path, lead.opportunityId).then().extract();
        case GET_ACCOUNT -> request.get(path, lead.accountId).then().extract();
        case GET_CONTACT -> request.get(path, lead.contactId).then().extract();
        case LIST_OPPORTUNITIES, LIST_ACCOUNTS, LIST_CONTACTS ->
            request.queryParam("originatingLeadId", lead.leadId).get(path).then().extract();
        case FIND_MATCHES ->
            request.contentType(ContentType.JSON).body(Map.of("email", lead.email)).post(path).then().extract();
        // Possible duplicates are about the lead that duplicated Alice's records.
        case LIST_POSSIBLE_DUPLICATES ->
            request.queryParam("originatingLeadId", BOBS_OF_THE_SAME_COMPANY.leadId).get(path).then().extract();
        // Alice's figures: her open opportunities, and the funnel of the day her lead was created.
        case GET_PIPELINE -> request.queryParam("ownerId", ALICE).get(path).then().extract();
        case GET_FUNNEL ->
            request.queryParam("ownerId", ALICE).queryParam("from", ALICES_CREATED_ON).queryParam("to", ALICES_CREATED_ON).get(path).then().extract();
      };
    }
  }

  @BeforeAll
  static void convertLeads() {
    leadEvents = new LeadEvents();
    ALICES.ownerId = ALICE;
    ALICES_SHARED.ownerId = ALICE;
    BOBS_OF_THE_SAME_COMPANY.ownerId = BOB;
    BOBS_OF_THE_SAME_COMPANY.phone = ALICES_SHARED.phone;
    leadEvents.created(UUID.randomUUID(), ALICES.leadId, ALICE, java.time.Instant.parse(ALICES_CREATED_ON + "T10:00:00Z"));
    for (QualifiedLead lead : List.of(ALICES, ALICES_SHARED, BOBS_OF_THE_SAME_COMPANY)) {
      leadEvents.qualified(lead);
      Database.awaitOpportunity(lead.opportunityId);
    }
  }

  @AfterAll
  static void disconnect() {
    leadEvents.close();
  }

  private static RequestSpecification withoutToken() {
    return given().noFiltersOfType(DefaultBearerToken.class);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void everyEndpointWantsABearerToken(Endpoint endpoint) {
    ExtractableResponse<Response> refused = problem(endpoint.call(withoutToken(), ALICES), 401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  static Stream<Arguments> untrustedTokens() {
    return Stream.of(Endpoint.values())
        .flatMap(endpoint -> TestTokens.untrusted().entrySet().stream().map(token -> Arguments.of(endpoint, token.getKey(), token.getValue())));
  }

  @ParameterizedTest(name = "{0}: a token {1}")
  @MethodSource("untrustedTokens")
  void everyEndpointRefusesATokenItCannotTrust(Endpoint endpoint, String what, String token) {
    ExtractableResponse<Response> refused = problem(endpoint.call(as(token), ALICES), 401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void anAdminReadsNoRecords(Endpoint endpoint) {
    problem(endpoint.call(as(TestTokens.admin("admin-ann")), ALICES), 403);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = "FIND_MATCHES", mode = EnumSource.Mode.EXCLUDE)
  void anIntegrationOnlyLooksForMatches(Endpoint endpoint) {
    problem(endpoint.call(as(TestTokens.integration("crm-import")), ALICES), 403);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"GET_OPPORTUNITY", "GET_ACCOUNT", "GET_CONTACT"})
  void anotherSellersRecordIsNotFound(Endpoint endpoint) {
    ExtractableResponse<Response> refused = problem(endpoint.call(as(TestTokens.seller(BOB)), ALICES), 404);
    assertThat(refused.asString()).doesNotContain(ALICE).doesNotContain(ALICES.marker);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"LIST_OPPORTUNITIES", "LIST_ACCOUNTS", "LIST_CONTACTS"})
  void anotherSellersRecordsAreNeverListed(Endpoint endpoint) {
    ExtractableResponse<Response> page = succeeded(endpoint.call(as(TestTokens.seller(BOB)), ALICES));
    assertThat(page.<List<?>>path("items")).isEmpty();
    assertThat(page.<Integer>path("total")).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"GET_PIPELINE", "GET_FUNNEL"})
  void anotherSellersFiguresAreEmpty(Endpoint endpoint) {
    ExtractableResponse<Response> figures = succeeded(endpoint.call(as(TestTokens.seller(BOB)), ALICES));
    switch (endpoint) {
      case GET_PIPELINE -> assertThat(figures.<Integer>path("total.count")).isZero();
      default -> assertThat(figures.<Integer>path("leadsCreated")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = "LIST_POSSIBLE_DUPLICATES", mode = EnumSource.Mode.EXCLUDE)
  void aSellerReadsTheirOwnRecords(Endpoint endpoint) {
    assertFound(endpoint.call(as(TestTokens.seller(ALICE)), ALICES), endpoint);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void aSalesManagerReadsEverySellersRecords(Endpoint endpoint) {
    assertFound(endpoint.call(as(TestTokens.salesManager("manager-maria")), ALICES), endpoint);
  }

  @Test
  void aSellerMayNotListPossibleDuplicates() {
    for (String seller : List.of(ALICE, BOB)) {
      problem(Endpoint.LIST_POSSIBLE_DUPLICATES.call(as(TestTokens.seller(seller)), ALICES), 403);
    }
  }

  @Test
  void aSellersConversionNeverReusesAnotherSellersAccountOrContact() {
    ExtractableResponse<Response> opportunity =
        succeeded(as(TestTokens.seller(BOB)).get(OPPORTUNITIES + "/{id}", BOBS_OF_THE_SAME_COMPANY.opportunityId).then().extract());
    assertThat(opportunity.<String>path("accountId")).isEqualTo(BOBS_OF_THE_SAME_COMPANY.accountId.toString());
    assertThat(opportunity.<String>path("contactId")).isEqualTo(BOBS_OF_THE_SAME_COMPANY.contactId.toString());
    problem(as(TestTokens.seller(BOB)).get(ACCOUNTS + "/{id}", ALICES_SHARED.accountId).then().extract(), 404);
    problem(as(TestTokens.seller(BOB)).get(CONTACTS + "/{id}", ALICES_SHARED.contactId).then().extract(), 404);
  }

  @Test
  void aSellerReadsAndMatchesTheAccountAndContactOfTheirOpportunityWhoeverOwnsThem() {
    // An opportunity of Bob's linked to Alice's records, as conversions made them before they were
    // kept to the owner's records (or as a sales manager may link them).
    QualifiedLead alices = new QualifiedLead();
    alices.ownerId = ALICE;
    QualifiedLead bobsLinked = new QualifiedLead();
    bobsLinked.ownerId = BOB;
    bobsLinked.createAccount = false;
    bobsLinked.createContact = false;
    for (QualifiedLead lead : List.of(alices, bobsLinked)) {
      leadEvents.qualified(lead);
      Database.awaitOpportunity(lead.opportunityId);
    }
    Database.execute(
        "UPDATE opportunity SET account_id = '" + alices.accountId + "', contact_id = '" + alices.contactId
            + "' WHERE id = '" + bobsLinked.opportunityId + "'");
    String bob = TestTokens.seller(BOB);

    ExtractableResponse<Response> account = succeeded(as(bob).get(ACCOUNTS + "/{id}", alices.accountId).then().extract());
    assertThat(account.<String>path("ownerId")).isEqualTo(ALICE);
    succeeded(as(bob).get(CONTACTS + "/{id}", alices.contactId).then().extract());
    assertThat(succeeded(as(bob).queryParam("originatingLeadId", alices.leadId).get(ACCOUNTS).then().extract()).<List<String>>path("items.id"))
        .containsExactly(alices.accountId.toString());
    ExtractableResponse<Response> matches =
        succeeded(as(bob).contentType(ContentType.JSON).body(Map.of("email", alices.email)).post(MATCHES).then().extract());
    assertThat(matches.<List<String>>path("accounts.id")).containsExactly(alices.accountId.toString());
    assertThat(matches.<List<String>>path("contacts.id")).containsExactly(alices.contactId.toString());
    // Alice's opportunity of that account stays hers.
    problem(as(bob).get(OPPORTUNITIES + "/{id}", alices.opportunityId).then().extract(), 404);
  }

  @Test
  void aMatchNeverNamesAnotherSellersRecords() {
    Map<String, String> probe = Map.of("email", ALICES.email);

    ExtractableResponse<Response> forBob =
        succeeded(as(TestTokens.seller(BOB)).contentType(ContentType.JSON).body(probe).post(MATCHES).then().extract());
    assertThat(forBob.<List<?>>path("accounts")).isEmpty();
    assertThat(forBob.<List<?>>path("contacts")).isEmpty();

    for (String token : List.of(TestTokens.seller(ALICE), TestTokens.salesManager("manager-maria"))) {
      ExtractableResponse<Response> seen = succeeded(as(token).contentType(ContentType.JSON).body(probe).post(MATCHES).then().extract());
      assertThat(seen.<String>path("contacts[0].name")).isEqualTo("Ada " + ALICES.lastName);
      assertThat(seen.<String>path("contacts[0].email")).isEqualTo(ALICES.email);
    }
  }

  /** The dead-letter endpoints: an admin's alone. */
  enum DeadLetterEndpoint {
    LIST_DEAD_LETTERS,
    GET_DEAD_LETTER,
    REDRIVE_DEAD_LETTER;

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";

    /** About a dead letter that does not exist: an admin gets past the role check to a 404. */
    ExtractableResponse<Response> call(RequestSpecification request) {
      UUID unknown = UUID.randomUUID();
      return switch (this) {
        case LIST_DEAD_LETTERS -> request.get(DEAD_LETTERS).then().extract();
        case GET_DEAD_LETTER -> request.get(DEAD_LETTERS + "/{id}", unknown).then().extract();
        case REDRIVE_DEAD_LETTER -> request.post(DEAD_LETTERS + "/{id}/redrive", unknown).then().extract();
      };
    }
  }

  @ParameterizedTest
  @EnumSource(DeadLetterEndpoint.class)
  void everyDeadLetterEndpointWantsABearerToken(DeadLetterEndpoint endpoint) {
    ExtractableResponse<Response> refused = problem(endpoint.call(withoutToken()), 401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  static Stream<Arguments> untrustedTokensOnDeadLetters() {
    return Stream.of(DeadLetterEndpoint.values())
        .flatMap(endpoint -> TestTokens.untrusted().entrySet().stream().map(token -> Arguments.of(endpoint, token.getKey(), token.getValue())));
  }

  @ParameterizedTest(name = "{0}: a token {1}")
  @MethodSource("untrustedTokensOnDeadLetters")
  void everyDeadLetterEndpointRefusesATokenItCannotTrust(DeadLetterEndpoint endpoint, String what, String token) {
    // These tokens carry the sales-manager role: one that verifies (its subject is only too long to
    // record) is refused for its role before its subject is read.
    ExtractableResponse<Response> refused = endpoint.call(as(token));
    assertThat(refused.statusCode()).as(refused.body().asString()).isIn(401, 403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @EnumSource(DeadLetterEndpoint.class)
  void onlyAnAdminSeesOrReDrivesDeadLetters(DeadLetterEndpoint endpoint) {
    for (String token :
        List.of(TestTokens.seller(ALICE), TestTokens.salesManager("manager-maria"), TestTokens.integration("crm-import"))) {
      problem(endpoint.call(as(token)), 403);
    }
    ExtractableResponse<Response> admitted = endpoint.call(as(TestTokens.admin("admin-ann")));
    if (endpoint == DeadLetterEndpoint.LIST_DEAD_LETTERS) {
      succeeded(admitted);
    } else {
      problem(admitted, 404);
    }
  }

  private static void assertFound(ExtractableResponse<Response> response, Endpoint endpoint) {
    succeeded(response);
    switch (endpoint) {
      case GET_OPPORTUNITY -> assertThat(response.<String>path("id")).isEqualTo(ALICES.opportunityId.toString());
      case GET_ACCOUNT -> assertThat(response.<String>path("id")).isEqualTo(ALICES.accountId.toString());
      case GET_CONTACT -> assertThat(response.<String>path("id")).isEqualTo(ALICES.contactId.toString());
      case LIST_OPPORTUNITIES -> assertThat(response.<List<String>>path("items.id")).containsExactly(ALICES.opportunityId.toString());
      case LIST_ACCOUNTS -> assertThat(response.<List<String>>path("items.id")).containsExactly(ALICES.accountId.toString());
      case LIST_CONTACTS -> assertThat(response.<List<String>>path("items.id")).containsExactly(ALICES.contactId.toString());
      case FIND_MATCHES -> assertThat(response.<String>path("contacts[0].id")).isEqualTo(ALICES.contactId.toString());
      case LIST_POSSIBLE_DUPLICATES ->
          assertThat(response.<List<String>>path("items.existingRecordId"))
              .containsExactlyInAnyOrder(ALICES_SHARED.accountId.toString(), ALICES_SHARED.contactId.toString());
      case GET_PIPELINE -> assertThat(response.<Integer>path("total.count")).isPositive();
      // The lead's creation reaches the funnel through lead-events, as its qualification did.
      case GET_FUNNEL -> assertThat(response.<Integer>path("leadsCreated")).isEqualTo(1);
    }
  }
}
