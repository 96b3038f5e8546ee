package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.invalidFields;
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
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Accounts and contacts created and edited by hand: owner rules, the duplicate matching conversions
 * use (never naming another owner's records), merge patches with If-Match, and the audit history.
 */
@QuarkusTest
class AccountAndContactEditingTest {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final String marker = QualifiedLead.marker();
  private final String alice = "seller-alice-" + marker;
  private final String bob = "seller-bob-" + marker;

  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  static ExtractableResponse<Response> create(String token, String collection, Map<String, ?> body, boolean allowDuplicate) {
    RequestSpecification request = as(token).contentType(ContentType.JSON).body(body);
    if (allowDuplicate) {
      request.queryParam("allowDuplicate", true);
    }
    return request.post(collection).then().extract();
  }

  static ExtractableResponse<Response> patch(String token, String collection, Object id, String ifMatch, Object patch) {
    RequestSpecification request = as(token).contentType(MERGE_PATCH).body(patch);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(collection + "/{id}", id).then().extract();
  }

  static ExtractableResponse<Response> history(String token, String collection, Object id) {
    return as(token).get(collection + "/{id}/history", id).then().extract();
  }

  /** An organisation of this test's own: its name, website and email domain. */
  static Map<String, Object> company(String marker) {
    Map<String, Object> account = new HashMap<>();
    account.put("name", "Engines " + marker + " Ltd");
    account.put("website", "https://www." + marker + ".example");
    account.put("industry", "Manufacturing");
    account.put("numberOfEmployees", 250);
    account.put("annualRevenue", Map.of("amount", "12500000.00", "currency", "GBP"));
    account.put("country", "gb");
    account.put("city", "London");
    account.put("phone", "+44 20 7946 0123");
    account.put("emailDomain", marker + ".example");
    return account;
  }

  static Map<String, Object> person(String marker, Object accountId) {
    Map<String, Object> contact = new HashMap<>();
    contact.put("firstName", "Ada");
    contact.put("lastName", "Lovelace " + marker);
    contact.put("email", "Ada@" + marker + ".example");
    contact.put("phone", QualifiedLead.randomPhone());
    contact.put("jobTitle", "CTO");
    contact.put("accountId", accountId);
    return contact;
  }

  private String created(String token, String collection, Map<String, ?> body) {
    ExtractableResponse<Response> created = create(token, collection, body, false);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.path("id");
  }

  @Test
  void aSellerCreatesAnAccountTheyOwnAndItsHistoryStartsWithIt() {
    ExtractableResponse<Response> created = create(TestTokens.seller(alice), ACCOUNTS, company(marker), false);

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(ACCOUNTS + "/" + id);
    assertThat(created.<String>path("ownerId")).isEqualTo(alice);
    assertThat(created.<String>path("country")).isEqualTo("GB");
    assertThat(created.<String>path("phone")).isEqualTo("+442079460123");
    assertThat(created.<String>path("originatingLeadId")).isNull();

    ExtractableResponse<Response> history = succeeded(history(TestTokens.seller(alice), ACCOUNTS, id));
    assertThat(history.<Integer>path("total")).isEqualTo(1);
    assertThat(history.<String>path("items[0].action")).isEqualTo("created");
    assertThat(history.<String>path("items[0].actor.id")).isEqualTo(alice);
    assertThat(history.<List<String>>path("items[0].changes.field")).contains("name", "website", "annualRevenue", "ownerId");
    assertThat(history.<Map<String, String>>path("items[0].changes.find { it.field == 'annualRevenue' }.newValue"))
        .isEqualTo(Map.of("amount", "12500000.00", "currency", "GBP"));
  }

  @Test
  void onlyASalesManagerCreatesForAnotherOwner() {
    Map<String, Object> account = company(marker);
    account.put("ownerId", bob);

    problem(create(TestTokens.seller(alice), ACCOUNTS, account, false), 403);
    ExtractableResponse<Response> created = succeeded(create(TestTokens.salesManager("manager-maria"), ACCOUNTS, account, false));
    assertThat(created.<String>path("ownerId")).isEqualTo(bob);
    succeeded(as(TestTokens.seller(bob)).get(ACCOUNTS + "/{id}", created.<String>path("id")).then().extract());
  }

  @Test
  void aMatchingAccountTheCallerSeesIsReportedAndNothingIsCreatedUnlessTheCallerConfirms() {
    String first = created(TestTokens.seller(alice), ACCOUNTS, company(marker));
    Map<String, Object> sameCompany = Map.of("name", "ENGINES " + marker.toUpperCase() + " GmbH");

    ExtractableResponse<Response> duplicate = problem(create(TestTokens.seller(alice), ACCOUNTS, sameCompany, false), 409);

    assertThat(duplicate.<String>path("type")).endsWith("/possible-duplicate");
    assertThat(duplicate.<List<String>>path("duplicates.accounts.id")).containsExactly(first);
    assertThat(duplicate.<List<String>>path("duplicates.accounts[0].matchedBy")).containsExactly("company-name");
    assertThat(Database.count("SELECT count(*) FROM account WHERE name ILIKE ?", "%" + marker + "%")).isEqualTo(1);

    ExtractableResponse<Response> confirmed = create(TestTokens.seller(alice), ACCOUNTS, sameCompany, true);
    assertThat(confirmed.statusCode()).as(confirmed.asString()).isEqualTo(201);
    assertThat(Database.count("SELECT count(*) FROM account WHERE name ILIKE ?", "%" + marker + "%")).isEqualTo(2);
  }

  @Test
  void anotherSellersMatchingRecordsAreNeverNamedNorDoTheyBlock() {
    String alices = created(TestTokens.seller(alice), ACCOUNTS, company(marker));
    Map<String, Object> alicesPerson = person(marker, alices);
    String alicesContact = created(TestTokens.seller(alice), CONTACTS, alicesPerson);

    ExtractableResponse<Response> bobs = create(TestTokens.seller(bob), ACCOUNTS, company(marker), false);
    assertThat(bobs.statusCode()).as(bobs.asString()).isEqualTo(201);
    assertThat(bobs.asString()).doesNotContain(alices).doesNotContain(alice);
    Map<String, Object> samePerson = new HashMap<>(alicesPerson);
    samePerson.put("accountId", bobs.path("id"));
    ExtractableResponse<Response> bobsContact = create(TestTokens.seller(bob), CONTACTS, samePerson, false);
    assertThat(bobsContact.statusCode()).as(bobsContact.asString()).isEqualTo(201);
    assertThat(bobsContact.asString()).doesNotContain(alicesContact).doesNotContain(alice);

    // A sales manager is told of what the sellers were not: Bob's records may duplicate Alice's.
    ExtractableResponse<Response> possible =
        succeeded(as(TestTokens.salesManager("manager-maria")).queryParam("ownerId", bob).get("/api/v1/possible-duplicates").then().extract());
    assertThat(possible.<List<String>>path("items.recordId")).containsExactlyInAnyOrder(bobs.<String>path("id"), bobsContact.<String>path("id"));
    assertThat(possible.<List<String>>path("items.existingRecordId")).containsExactlyInAnyOrder(alices, alicesContact);
    assertThat(possible.<List<String>>path("items.originatingLeadId")).containsOnlyNulls();

    // A sales manager sees both, so both are named to them.
    ExtractableResponse<Response> forManager = problem(create(TestTokens.salesManager("manager-maria"), ACCOUNTS, company(marker), false), 409);
    assertThat(forManager.<List<String>>path("duplicates.accounts.id")).containsExactlyInAnyOrder(alices, bobs.<String>path("id"));
  }

  @Test
  void anEditIsAMergePatchOnTheCurrentVersionAndEveryChangeIsInTheHistory() {
    String token = TestTokens.seller(alice);
    String id = created(token, ACCOUNTS, company(marker));

    problem(patch(token, ACCOUNTS, id, null, Map.of("city", "Cambridge")), 428);
    Map<String, Object> change = new HashMap<>();
    change.put("city", "Cambridge");
    change.put("phone", null);
    ExtractableResponse<Response> edited = succeeded(patch(token, ACCOUNTS, id, "\"0\"", change));
    assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    assertThat(edited.<String>path("city")).isEqualTo("Cambridge");
    assertThat(edited.<String>path("phone")).isNull();
    assertThat(edited.<String>path("industry")).isEqualTo("Manufacturing");

    ExtractableResponse<Response> stale = problem(patch(token, ACCOUNTS, id, "\"0\"", Map.of("city", "Oxford")), 412);
    assertThat(stale.header("ETag")).isEqualTo("\"1\"");
    assertThat(succeeded(as(token).get(ACCOUNTS + "/{id}", id).then().extract()).<String>path("city")).isEqualTo("Cambridge");

    ExtractableResponse<Response> history = succeeded(history(token, ACCOUNTS, id));
    assertThat(history.<List<String>>path("items.action")).containsExactly("updated", "created");
    assertThat(history.<List<Map<String, Object>>>path("items[0].changes"))
        .containsExactly(
            Map.of("field", "city", "oldValue", "London", "newValue", "Cambridge"),
            nullNew("phone", "+442079460123"));

    assertThat(invalidFields(patch(token, ACCOUNTS, id, "\"1\"", Map.of("country", "XX")))).containsExactly("country");
    assertThat(invalidFields(patch(token, ACCOUNTS, id, "\"1\"", Map.of("colour", "blue")))).containsExactly("colour");
    assertThat(invalidFields(patch(token, ACCOUNTS, id, "\"1\"", java.util.Collections.singletonMap("name", null)))).containsExactly("name");
    assertThat(succeeded(history(token, ACCOUNTS, id)).<Integer>path("total")).isEqualTo(2);
  }

  @Test
  void renamingAnAccountIntoAnotherVisibleOneIsReportedAsADuplicate() {
    String token = TestTokens.seller(alice);
    String engines = created(token, ACCOUNTS, Map.of("name", "Engines " + marker));
    String looms = created(token, ACCOUNTS, Map.of("name", "Looms " + marker));

    ExtractableResponse<Response> duplicate = problem(patch(token, ACCOUNTS, looms, "\"0\"", Map.of("name", "engines " + marker + " Ltd")), 409);
    assertThat(duplicate.<List<String>>path("duplicates.accounts.id")).containsExactly(engines);

    // An edit that leaves the match keys alone is not held up by an existing duplicate.
    succeeded(as(token).queryParam("allowDuplicate", true).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
        .body(Map.of("name", "Engines " + marker + " Limited")).patch(ACCOUNTS + "/{id}", looms).then().extract());
    succeeded(patch(token, ACCOUNTS, looms, "\"1\"", Map.of("city", "Paris")));
  }

  @Test
  void onlyASalesManagerReassignsAndTheFormerOwnerNoLongerSeesTheRecord() {
    String id = created(TestTokens.seller(alice), ACCOUNTS, company(marker));

    problem(patch(TestTokens.seller(alice), ACCOUNTS, id, "\"0\"", Map.of("ownerId", bob)), 403);
    ExtractableResponse<Response> reassigned = succeeded(patch(TestTokens.salesManager("manager-maria"), ACCOUNTS, id, "\"0\"", Map.of("ownerId", bob)));
    assertThat(reassigned.<String>path("ownerId")).isEqualTo(bob);

    problem(as(TestTokens.seller(alice)).get(ACCOUNTS + "/{id}", id).then().extract(), 404);
    ExtractableResponse<Response> history = succeeded(history(TestTokens.seller(bob), ACCOUNTS, id));
    assertThat(history.<String>path("items[0].actor.id")).isEqualTo("manager-maria");
    assertThat(history.<List<Map<String, Object>>>path("items[0].changes"))
        .containsExactly(Map.of("field", "ownerId", "oldValue", alice, "newValue", bob));
  }

  @Test
  void aContactBelongsToAnAccountTheCallerSees() {
    String alicesAccount = created(TestTokens.seller(alice), ACCOUNTS, company(marker));
    String bobsAccount = created(TestTokens.seller(bob), ACCOUNTS, Map.of("name", "Looms " + marker));

    assertThat(invalidFields(create(TestTokens.seller(alice), CONTACTS, person(marker, bobsAccount), false))).containsExactly("accountId");
    assertThat(invalidFields(create(TestTokens.seller(alice), CONTACTS, person(marker, UUID.randomUUID()), false))).containsExactly("accountId");
    Map<String, Object> noAccount = person(marker, null);
    noAccount.remove("accountId");
    assertThat(invalidFields(create(TestTokens.seller(alice), CONTACTS, noAccount, false))).containsExactly("accountId");

    ExtractableResponse<Response> created = create(TestTokens.seller(alice), CONTACTS, person(marker, alicesAccount), false);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.<String>path("email")).isEqualTo("ada@" + marker + ".example");
    assertThat(created.<String>path("accountId")).isEqualTo(alicesAccount);
    String id = created.path("id");
    assertThat(succeeded(as(TestTokens.seller(alice)).queryParam("accountId", alicesAccount).get(CONTACTS).then().extract()).<List<String>>path("items.id"))
        .containsExactly(id);

    assertThat(invalidFields(patch(TestTokens.seller(alice), CONTACTS, id, "\"0\"", Map.of("accountId", bobsAccount)))).containsExactly("accountId");
    ExtractableResponse<Response> edited = succeeded(patch(TestTokens.seller(alice), CONTACTS, id, "\"0\"", Map.of("jobTitle", "Chief Engineer")));
    assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    problem(patch(TestTokens.seller(alice), CONTACTS, id, "\"0\"", Map.of("jobTitle", "CEO")), 412);
    ExtractableResponse<Response> history = succeeded(history(TestTokens.seller(alice), CONTACTS, id));
    assertThat(history.<List<String>>path("items.action")).containsExactly("updated", "created");
    assertThat(history.<List<Map<String, Object>>>path("items[0].changes"))
        .containsExactly(Map.of("field", "jobTitle", "oldValue", "CTO", "newValue", "Chief Engineer"));
  }

  @Test
  void aContactWithTheEmailOrPhoneOfOneTheCallerSeesIsReported() {
    String account = created(TestTokens.seller(alice), ACCOUNTS, company(marker));
    Map<String, Object> ada = person(marker, account);
    String first = created(TestTokens.seller(alice), CONTACTS, ada);

    Map<String, Object> samePhone = person(QualifiedLead.marker(), account);
    samePhone.put("phone", ada.get("phone"));
    ExtractableResponse<Response> duplicate = problem(create(TestTokens.seller(alice), CONTACTS, samePhone, false), 409);
    assertThat(duplicate.<List<String>>path("duplicates.contacts.id")).containsExactly(first);
    assertThat(duplicate.<List<String>>path("duplicates.contacts[0].matchedBy")).containsExactly("phone");
    assertThat(duplicate.<List<?>>path("duplicates.accounts")).isEmpty();

    String other = created(TestTokens.seller(alice), CONTACTS, person(QualifiedLead.marker(), account));
    ExtractableResponse<Response> renamed =
        problem(patch(TestTokens.seller(alice), CONTACTS, other, "\"0\"", Map.of("email", "ADA@" + marker + ".example")), 409);
    assertThat(renamed.<List<String>>path("duplicates.contacts.id")).containsExactly(first);
  }

  @Test
  void anAnnualRevenueKeepsExactlyTheDecimalsOfItsCurrency() {
    String token = TestTokens.seller(alice);
    Map<String, String> dinars = Map.of("amount", "1250000.125", "currency", "KWD");
    ExtractableResponse<Response> inDinars =
        succeeded(create(token, ACCOUNTS, Map.of("name", "Kuwait Looms " + marker, "annualRevenue", dinars), true));
    assertThat(inDinars.<Map<String, String>>path("annualRevenue")).isEqualTo(dinars);
    ExtractableResponse<Response> inYen =
        succeeded(create(token, ACCOUNTS, Map.of("name", "Osaka Looms " + marker, "annualRevenue", Map.of("amount", "900000000", "currency", "JPY")), true));
    assertThat(inYen.<Map<String, String>>path("annualRevenue")).isEqualTo(Map.of("amount", "900000000", "currency", "JPY"));
    ExtractableResponse<Response> read = succeeded(given().get(ACCOUNTS + "/{id}", inDinars.<String>path("id")).then().extract());
    assertThat(read.<Map<String, String>>path("annualRevenue")).isEqualTo(dinars);
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("name", "Looms", "annualRevenue", Map.of("amount", "1.0005", "currency", "KWD")), false)))
        .containsExactly("annualRevenue.amount");
  }

  @Test
  void invalidAccountsAndContactsAre400ProblemsNamingTheField() {
    String token = TestTokens.seller(alice);
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("industry", "Looms"), false))).containsExactly("name");
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("name", "Looms", "emailDomain", "gmail.com"), false))).containsExactly("emailDomain");
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("name", "Looms", "annualRevenue", Map.of("amount", "100.5", "currency", "JPY")), false)))
        .containsExactly("annualRevenue.amount");
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("name", "Looms", "numberOfEmployees", "many"), false))).containsExactly("numberOfEmployees");
    assertThat(invalidFields(create(token, ACCOUNTS, Map.of("name", "Looms", "ownerId", " "), false))).containsExactly("ownerId");
    String account = created(token, ACCOUNTS, company(marker));
    assertThat(invalidFields(create(token, CONTACTS, Map.of("jobTitle", "CTO", "accountId", account), false))).containsExactly("lastName");
    assertThat(invalidFields(create(token, CONTACTS, Map.of("lastName", "L", "email", "nope", "accountId", account), false))).containsExactly("email");
    assertThat(Database.count("SELECT count(*) FROM account WHERE name = 'Looms' AND owner_id = ?", alice)).isZero();
  }

  @Test
  void aRepeatedCreateWithTheSameIdempotencyKeyAnswersTheFirstAccount() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> account = company(marker);

    ExtractableResponse<Response> first =
        as(TestTokens.seller(alice)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(account).post(ACCOUNTS).then().extract();
    ExtractableResponse<Response> repeat =
        as(TestTokens.seller(alice)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(account).post(ACCOUNTS).then().extract();

    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(repeat.statusCode()).as(repeat.asString()).isEqualTo(201);
    assertThat(repeat.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(Database.count("SELECT count(*) FROM account WHERE owner_id = ?", alice)).isEqualTo(1);
  }

  @Test
  void twoCreationsOfOneNewCompanyAtOnceMakeOneAccount() {
    String token = TestTokens.seller(alice);
    List<java.util.concurrent.CompletableFuture<Integer>> attempts =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> create(token, ACCOUNTS, company(marker), false).statusCode()))
            .toList();

    List<Integer> statuses = attempts.stream().map(java.util.concurrent.CompletableFuture::join).toList();

    assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    assertThat(Database.count("SELECT count(*) FROM account WHERE owner_id = ?", alice)).isEqualTo(1);
  }

  @Test
  void twoEditsOfOneVersionAtOnceKeepOneAndRefuseTheOther() {
    String token = TestTokens.seller(alice);
    String id = created(token, ACCOUNTS, company(marker));
    List<java.util.concurrent.CompletableFuture<Integer>> edits =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> patch(token, ACCOUNTS, id, "\"0\"", Map.of("city", "City " + i)).statusCode()))
            .toList();

    List<Integer> statuses = edits.stream().map(java.util.concurrent.CompletableFuture::join).toList();

    assertThat(statuses).containsOnly(200, 412).containsOnlyOnce(200);
    assertThat(succeeded(history(token, ACCOUNTS, id)).<Integer>path("total")).isEqualTo(2);
  }

  @Test
  void hostileValuesInAnEditAreRefusedAndChangeNothing() {
    String token = TestTokens.seller(alice);
    String id = created(token, ACCOUNTS, company(marker));

    for (String body :
        List.of(
            "{\"name\":\"Ada\\u0000 Ltd\"}",
            "{\"name\":\"Ada\\ud800 Ltd\"}",
            "{\"numberOfEmployees\":99999999999}",
            "{\"numberOfEmployees\":\"250\"}",
            "{\"annualRevenue\":{\"amount\":12.5,\"currency\":\"GBP\"}}",
            "{\"website\":\"https://" + "a".repeat(250) + ".example\"}",
            "{\"city\":\"" + "c".repeat(101) + "\"}")) {
      ExtractableResponse<Response> refused = patch(token, ACCOUNTS, id, "\"0\"", body);
      assertThat(refused.statusCode()).as(body + " → " + refused.asString()).isEqualTo(400);
    }
    assertThat(succeeded(as(token).get(ACCOUNTS + "/{id}", id).then().extract()).header("ETag")).isEqualTo("\"0\"");
    assertThat(succeeded(history(token, ACCOUNTS, id)).<Integer>path("total")).isEqualTo(1);
  }

  private static Map<String, Object> nullNew(String field, Object oldValue) {
    Map<String, Object> change = new HashMap<>();
    change.put("field", field);
    change.put("oldValue", oldValue);
    change.put("newValue", null);
    return change;
  }
}
