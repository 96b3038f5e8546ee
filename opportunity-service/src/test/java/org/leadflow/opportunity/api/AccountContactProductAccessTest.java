package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Who may create, edit and read the history of accounts and contacts, and who maintains and reads
 * the product catalogue: a bearer token always; sellers and sales managers change accounts and
 * contacts (a seller only those they see), admins and integrations none; only admins change the
 * catalogue, which every role reads.
 */
@QuarkusTest
class AccountContactProductAccessTest {

  private static final String PRODUCTS = "/api/v1/products";
  private static final String MANAGER = TestTokens.salesManager("manager-maria");
  private static final String ADMIN = TestTokens.admin("admin-ann");

  private final String marker = QualifiedLead.marker();
  private final String alice = "seller-alice-" + marker;
  private final String bob = "seller-bob-" + marker;

  /** Alice's account and contact, and a product, made afresh for each test. */
  private String account;
  private String contact;
  private String product;

  /** The endpoints this test is about, each with a request about Alice's records or the product. */
  enum Endpoint {
    CREATE_ACCOUNT,
    UPDATE_ACCOUNT,
    ACCOUNT_HISTORY,
    CREATE_CONTACT,
    UPDATE_CONTACT,
    CONTACT_HISTORY,
    CREATE_PRODUCT,
    UPDATE_PRODUCT,
    DEACTIVATE_PRODUCT,
    GET_PRODUCT,
    LIST_PRODUCTS;

    boolean isCatalogueChange() {
      return this == CREATE_PRODUCT || this == UPDATE_PRODUCT || this == DEACTIVATE_PRODUCT;
    }

  }

  private ExtractableResponse<Response> call(Endpoint endpoint, RequestSpecification request) {
    String merge = "application/merge-patch+json";
    return switch (endpoint) {
      case CREATE_ACCOUNT ->
          request.contentType(ContentType.JSON).queryParam("allowDuplicate", true).body(Map.of("name", "Looms " + marker)).post(ACCOUNTS).then().extract();
      case UPDATE_ACCOUNT ->
          request.contentType(merge).header("If-Match", "\"0\"").body(Map.of("city", "Cambridge")).patch(ACCOUNTS + "/{id}", account).then().extract();
      case ACCOUNT_HISTORY -> request.get(ACCOUNTS + "/{id}/history", account).then().extract();
      case CREATE_CONTACT ->
          request.contentType(ContentType.JSON).queryParam("allowDuplicate", true)
              .body(Map.of("lastName", "Babbage", "accountId", account)).post(CONTACTS).then().extract();
      case UPDATE_CONTACT ->
          request.contentType(merge).header("If-Match", "\"0\"").body(Map.of("jobTitle", "CEO")).patch(CONTACTS + "/{id}", contact).then().extract();
      case CONTACT_HISTORY -> request.get(CONTACTS + "/{id}/history", contact).then().extract();
      case CREATE_PRODUCT ->
          request.contentType(ContentType.JSON).body(Map.of("code", "ACC-" + QualifiedLead.marker(), "name", "Loom")).post(PRODUCTS).then().extract();
      case UPDATE_PRODUCT ->
          request.contentType(merge).header("If-Match", "\"0\"").body(Map.of("name", "Loom Mk II")).patch(PRODUCTS + "/{id}", product).then().extract();
      case DEACTIVATE_PRODUCT -> request.post(PRODUCTS + "/{id}/deactivate", product).then().extract();
      case GET_PRODUCT -> request.get(PRODUCTS + "/{id}", product).then().extract();
      case LIST_PRODUCTS -> request.queryParam("q", "ACC-" + marker).get(PRODUCTS).then().extract();
    };
  }

  @BeforeEach
  void createAlicesRecordsAndAProduct() {
    account = succeeded(as(TestTokens.seller(alice)).contentType(ContentType.JSON).body(Map.of("name", "Engines " + marker)).post(ACCOUNTS).then().extract()).path("id");
    contact =
        succeeded(as(TestTokens.seller(alice)).contentType(ContentType.JSON).body(Map.of("lastName", "Lovelace", "accountId", account)).post(CONTACTS).then().extract())
            .path("id");
    product = succeeded(as(ADMIN).contentType(ContentType.JSON).body(Map.of("code", "ACC-" + marker, "name", "Engine")).post(PRODUCTS).then().extract()).path("id");
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
    ExtractableResponse<Response> refused = problem(call(endpoint, withoutToken()), 401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  static Stream<Arguments> untrustedTokens() {
    return Stream.of(Endpoint.values())
        .flatMap(endpoint -> TestTokens.untrusted().entrySet().stream().map(token -> Arguments.of(endpoint, token.getKey(), token.getValue())));
  }

  @ParameterizedTest(name = "{0}: a token {1}")
  @MethodSource("untrustedTokens")
  void everyEndpointRefusesATokenItCannotTrust(Endpoint endpoint, String what, String token) {
    ExtractableResponse<Response> refused = call(endpoint, as(token));
    // These tokens carry the sales-manager role: one that verifies (its subject is only too long to
    // record) is refused for its role first where that role may not change the catalogue.
    if (endpoint.isCatalogueChange()) {
      assertThat(refused.statusCode()).as(refused.asString()).isIn(401, 403);
    } else {
      assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(401);
    }
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.asString()).doesNotContain(marker);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"CREATE_ACCOUNT", "UPDATE_ACCOUNT", "ACCOUNT_HISTORY", "CREATE_CONTACT", "UPDATE_CONTACT", "CONTACT_HISTORY"})
  void anAdminAndAnIntegrationNeitherChangeNorReadAccountsAndContacts(Endpoint endpoint) {
    problem(call(endpoint, as(ADMIN)), 403);
    problem(call(endpoint, as(TestTokens.integration("crm-import"))), 403);
    assertThat(Database.count("SELECT count(*) FROM account WHERE name = ?", "Looms " + marker)).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"CREATE_PRODUCT", "UPDATE_PRODUCT", "DEACTIVATE_PRODUCT"})
  void onlyAnAdminChangesTheCatalogue(Endpoint endpoint) {
    for (String token : List.of(TestTokens.seller(alice), MANAGER, TestTokens.integration("crm-import"))) {
      problem(call(endpoint, as(token)), 403);
    }
    ExtractableResponse<Response> product = succeeded(as(ADMIN).get(PRODUCTS + "/{id}", this.product).then().extract());
    assertThat(product.<String>path("name")).isEqualTo("Engine");
    assertThat(product.<Boolean>path("active")).isTrue();
    assertThat(call(endpoint, as(ADMIN)).statusCode()).isIn(200, 201);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"GET_PRODUCT", "LIST_PRODUCTS"})
  void everyRoleReadsTheCatalogue(Endpoint endpoint) {
    for (String token : List.of(TestTokens.seller(bob), MANAGER, ADMIN, TestTokens.integration("crm-import"))) {
      ExtractableResponse<Response> read = succeeded(call(endpoint, as(token)));
      if (endpoint == Endpoint.GET_PRODUCT) {
        assertThat(read.<String>path("id")).isEqualTo(product);
      } else {
        assertThat(read.<List<String>>path("items.id")).containsExactly(product);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"UPDATE_ACCOUNT", "ACCOUNT_HISTORY", "UPDATE_CONTACT", "CONTACT_HISTORY"})
  void anotherSellersAccountOrContactIsNotFoundAndUnchanged(Endpoint endpoint) {
    ExtractableResponse<Response> refused = problem(call(endpoint, as(TestTokens.seller(bob))), 404);

    assertThat(refused.asString()).doesNotContain(alice).doesNotContain(marker);
    assertThat(Database.count("SELECT count(*) FROM record_history WHERE record_id IN (?::uuid, ?::uuid) AND action = 'updated'", account, contact)).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"UPDATE_ACCOUNT", "ACCOUNT_HISTORY", "UPDATE_CONTACT", "CONTACT_HISTORY"})
  void theOwnerAndASalesManagerReachTheRecord(Endpoint endpoint) {
    succeeded(call(endpoint, as(TestTokens.seller(alice))));
    ExtractableResponse<Response> byManager = call(endpoint, as(MANAGER));
    // The owner's edit moved the version on: the manager's edit on version 0 is stale, not refused.
    assertThat(byManager.statusCode()).as(byManager.asString()).isIn(200, 412);
  }

  @Test
  void aSellerMayNotCreateAContactInAnotherSellersAccount() {
    ExtractableResponse<Response> refused =
        problem(call(Endpoint.CREATE_CONTACT, as(TestTokens.seller(bob))), 400);
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("accountId");
    assertThat(refused.asString()).doesNotContain(alice);
  }

  @Test
  void aSellerSeesTheAccountAndContactOfTheirOpportunityAndMayEditThem() {
    // Bob's opportunity linked to Alice's account and contact, as a sales manager may link them.
    QualifiedLead bobs = new QualifiedLead();
    bobs.ownerId = bob;
    bobs.createAccount = false;
    bobs.createContact = false;
    try (org.leadflow.opportunity.LeadEvents events = new org.leadflow.opportunity.LeadEvents()) {
      events.qualified(bobs);
    }
    Database.awaitOpportunity(bobs.opportunityId);
    Database.execute(
        "UPDATE opportunity SET account_id = '" + account + "', contact_id = '" + contact + "' WHERE id = '" + bobs.opportunityId + "'");

    succeeded(call(Endpoint.UPDATE_ACCOUNT, as(TestTokens.seller(bob))));
    succeeded(call(Endpoint.CONTACT_HISTORY, as(TestTokens.seller(bob))));
  }
}
