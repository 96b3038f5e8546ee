package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * Duplicate detection on create and edit: each rule finds what it should and nothing else, blocks or
 * warns as an admin set it, and never reaches past what the caller may see.
 */
@QuarkusTest
class DuplicateLeadsTest {

  private static final String RULES = "/api/v1/duplicate-rules";
  private static final String ADMIN = TestTokens.admin("admin-duplicates");
  private static final String SELLER = TestTokens.seller("seller-duplicates");
  private static final String OTHER_SELLER = TestTokens.seller("other-seller-duplicates");
  private static final String MANAGER = TestTokens.salesManager("manager-duplicates");

  static final String ALL_WARN =
      "{\"rules\": [{\"rule\": \"email\", \"mode\": \"warn\"}, {\"rule\": \"phone\", \"mode\": \"warn\"},"
          + " {\"rule\": \"similar-name\", \"mode\": \"warn\"}, {\"rule\": \"email-domain-and-last-name\", \"mode\": \"warn\"}]}";

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static ExtractableResponse<Response> setRules(String email, String phone, String similarName, String domain) {
    String body =
        "{\"rules\": [{\"rule\": \"email\", \"mode\": \"" + email + "\"}, {\"rule\": \"phone\", \"mode\": \"" + phone + "\"},"
            + " {\"rule\": \"similar-name\", \"mode\": \"" + similarName + "\"}, {\"rule\": \"email-domain-and-last-name\", \"mode\": \"" + domain + "\"}]}";
    return as(ADMIN).contentType(ContentType.JSON).body(body).put(RULES).then().extract();
  }

  @AfterEach
  void everyRuleWarnsAgain() {
    succeeded(as(ADMIN).contentType(ContentType.JSON).body(ALL_WARN).put(RULES).then().extract());
  }

  private static ExtractableResponse<Response> create(String token, String json) {
    return as(token).contentType(ContentType.JSON).body(json).post(BASE).then().extract();
  }

  private static String lead(String token, String json) {
    return succeeded(create(token, json)).path("id");
  }

  private static List<String> duplicatesOf(String token, String id) {
    return succeeded(as(token).get(BASE + "/{id}/duplicates", id).then().extract()).path("items.id");
  }

  /** A unique company email domain for this test. */
  private static String domain() {
    return Leads.marker() + ".example";
  }

  @Test
  void theSameEmailInAnotherCaseIsFoundAndWarnedOfWithACountAndALink() {
    String domain = domain();
    String first = lead(SELLER, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"email\": \"ada@" + domain + "\"}");

    ExtractableResponse<Response> second = succeeded(create(SELLER, "{\"lastName\": \"Byron\", \"email\": \"ADA@" + domain.toUpperCase() + "\"}"));

    String id = second.path("id");
    assertThat(second.header("LeadFlow-Possible-Duplicates")).isEqualTo("1");
    assertThat(second.header("Link")).isEqualTo("</api/v1/leads/" + id + "/duplicates>; rel=\"duplicates\"");
    ExtractableResponse<Response> candidates = succeeded(as(SELLER).get(BASE + "/{id}/duplicates", id).then().extract());
    assertThat(candidates.<List<String>>path("items.id")).containsExactly(first);
    assertThat(candidates.<List<String>>path("items[0].matchedBy")).containsExactly("email");
    assertThat(candidates.<String>path("items[0].statusReason")).isEqualTo("New");
  }

  @Test
  void aLeadWithoutDuplicatesSaysZeroAndLinksNowhere() {
    ExtractableResponse<Response> created = succeeded(create(SELLER, "{\"lastName\": \"" + Leads.marker() + "\", \"email\": \"x@" + domain() + "\"}"));

    assertThat(created.header("LeadFlow-Possible-Duplicates")).isEqualTo("0");
    assertThat(created.header("Link")).isNull();
  }

  @Test
  void theSamePhoneWrittenDifferentlyIsTheSameNumber() {
    String number = "20 7946 " + (1000 + (int) (Math.random() * 8999));
    String first = lead(SELLER, "{\"lastName\": \"" + Leads.marker() + "\", \"phone\": \"+44 " + number + "\"}");

    String second = lead(SELLER, "{\"lastName\": \"" + Leads.marker() + "\", \"country\": \"GB\", \"phone\": \"0" + number + "\"}");

    assertThat(duplicatesOf(SELLER, second)).containsExactly(first);
  }

  @Test
  void aSimilarNameAtASimilarCompanyIsFoundButNotTheSameNameElsewhere() {
    String company = "Analytical " + Leads.marker();
    String first = lead(SELLER, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithers\", \"companyName\": \"" + company + " Ltd\"}");
    String elsewhere = lead(SELLER, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithers\", \"companyName\": \"Other " + Leads.marker() + " GmbH\"}");

    String second = lead(SELLER, "{\"firstName\": \"Jonathon\", \"lastName\": \"Smithers\", \"companyName\": \"" + company + " Limited\"}");

    assertThat(duplicatesOf(SELLER, second)).containsExactly(first).doesNotContain(elsewhere);
  }

  @Test
  void similarNamesAreLookedForAmongLeadsWhoseLastNameAndCompanyStartAlike() {
    String company = Leads.marker() + " Analytics";
    String first = lead(SELLER, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithers\", \"companyName\": \"" + company + " Ltd\"}");

    String spelledApart = lead(SELLER, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithres\", \"companyName\": \"" + company + " Limited\"}");
    String startingElsewhere = lead(SELLER, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithers\", \"companyName\": \"The " + company + " Ltd\"}");

    assertThat(duplicatesOf(SELLER, spelledApart)).containsExactly(first);
    assertThat(duplicatesOf(SELLER, startingElsewhere)).doesNotContain(first, spelledApart);
  }

  @Test
  void aLeadRenamedByAnEditIsFoundByItsNewNameOnly() {
    String company = "Renamed " + Leads.marker();
    String renamed = lead(SELLER, "{\"firstName\": \"Ada\", \"lastName\": \"Placeholder\", \"companyName\": \"" + company + " Ltd\"}");
    String newName = "Quillfeather" + Leads.marker();
    succeeded(as(SELLER).contentType(Leads.MERGE_PATCH).body("{\"lastName\": \"" + newName + "\"}").patch(BASE + "/{id}", renamed).then().extract());

    String byNewName = lead(SELLER, "{\"firstName\": \"Ada\", \"lastName\": \"" + newName + "\", \"companyName\": \"" + company + " Limited\"}");
    String byOldName = lead(SELLER, "{\"firstName\": \"Ada\", \"lastName\": \"Placeholder\", \"companyName\": \"" + company + " Limited\"}");

    assertThat(duplicatesOf(SELLER, byNewName)).containsExactly(renamed);
    assertThat(duplicatesOf(SELLER, byOldName)).doesNotContain(renamed);
  }

  @Test
  void theSameCompanyDomainAndLastNameIsFoundButAFreeMailDomainIsNot() {
    String domain = domain();
    String lastName = "Hopper" + Leads.marker();
    String first = lead(SELLER, "{\"firstName\": \"Grace\", \"lastName\": \"" + lastName + "\", \"email\": \"grace@" + domain + "\"}");
    lead(SELLER, "{\"firstName\": \"Grace\", \"lastName\": \"" + lastName + "\", \"email\": \"grace." + Leads.marker() + "@gmail.com\"}");

    String second = lead(SELLER, "{\"firstName\": \"G.\", \"lastName\": \"" + lastName + "\", \"email\": \"g.hopper@" + domain + "\"}");
    String freeMail = lead(SELLER, "{\"firstName\": \"G.\", \"lastName\": \"" + lastName + "\", \"email\": \"gh" + Leads.marker() + "@gmail.com\"}");

    assertThat(duplicatesOf(SELLER, second)).containsExactly(first);
    assertThat(duplicatesOf(SELLER, freeMail)).isEmpty();
  }

  @Test
  void aBlockingRuleRefusesWith409ListingTheCandidatesAndCreatesNothing() {
    String domain = domain();
    String first = lead(SELLER, "{\"lastName\": \"Turing\", \"email\": \"alan@" + domain + "\"}");
    succeeded(setRules("block", "warn", "warn", "warn"));

    ExtractableResponse<Response> refused = problem(create(SELLER, "{\"lastName\": \"" + domain + "\", \"email\": \"Alan@" + domain + "\"}"), 409);

    assertThat(refused.<String>path("type")).endsWith("/possible-duplicate");
    assertThat(refused.<List<String>>path("duplicates.id")).containsExactly(first);
    assertThat(refused.<List<String>>path("duplicates[0].matchedBy")).containsExactly("email");
    Response byMarker = as(SELLER).queryParam("q", domain).get(BASE);
    assertThat(byMarker.<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void aBlockingRuleRefusesAnEditThatMakesALeadADuplicateButNotAnEditOfSomethingElse() {
    String domain = domain();
    lead(SELLER, "{\"lastName\": \"Hamilton\", \"email\": \"margaret@" + domain + "\"}");
    String other = lead(SELLER, "{\"lastName\": \"Hamilton\", \"email\": \"m.h@" + domain() + "\"}");
    succeeded(setRules("block", "off", "off", "off"));

    ExtractableResponse<Response> refused =
        as(SELLER).contentType(Leads.MERGE_PATCH).body("{\"email\": \"margaret@" + domain + "\"}").patch(BASE + "/{id}", other).then().extract();
    assertThat(problem(refused, 409).<List<String>>path("duplicates.matchedBy[0]")).containsExactly("email");
    assertThat(succeeded(as(SELLER).get(BASE + "/{id}", other).then().extract()).<String>path("email")).startsWith("m.h@");

    ExtractableResponse<Response> unrelated =
        succeeded(as(SELLER).contentType(Leads.MERGE_PATCH).body("{\"jobTitle\": \"Director\"}").patch(BASE + "/{id}", other).then().extract());
    assertThat(unrelated.header("LeadFlow-Possible-Duplicates")).isNull();
  }

  @Test
  void aRuleThatIsOffFindsNothing() {
    String domain = domain();
    lead(SELLER, "{\"lastName\": \"Babbage\", \"email\": \"charles@" + domain + "\"}");
    succeeded(setRules("off", "warn", "warn", "warn"));

    ExtractableResponse<Response> created = succeeded(create(SELLER, "{\"lastName\": \"Other\", \"email\": \"charles@" + domain + "\"}"));

    assertThat(created.header("LeadFlow-Possible-Duplicates")).isEqualTo("0");
  }

  @Test
  void anotherSellersLeadIsNeitherShownNorAReasonToRefuseButAManagerSeesIt() {
    String domain = domain();
    String others = lead(OTHER_SELLER, "{\"lastName\": \"Noether\", \"email\": \"emmy@" + domain + "\"}");
    succeeded(setRules("block", "warn", "warn", "warn"));

    ExtractableResponse<Response> created = succeeded(create(SELLER, "{\"lastName\": \"Noether\", \"email\": \"emmy@" + domain + "\"}"));

    assertThat(created.header("LeadFlow-Possible-Duplicates")).isEqualTo("0");
    assertThat(duplicatesOf(SELLER, created.path("id"))).isEmpty();
    assertThat(duplicatesOf(MANAGER, created.path("id"))).containsExactly(others);
  }

  @Test
  void aQualifiedLeadIsNoLongerACandidate() {
    String domain = domain();
    String qualified = lead(SELLER, "{\"lastName\": \"Curie\", \"companyName\": \"Radium " + domain + "\", \"email\": \"marie@" + domain + "\"}");
    succeeded(as(SELLER).contentType(ContentType.JSON).body("{}").post(BASE + "/{id}/qualify", qualified).then().extract());

    ExtractableResponse<Response> created = succeeded(create(SELLER, "{\"lastName\": \"Curie\", \"email\": \"marie@" + domain + "\"}"));

    assertThat(created.header("LeadFlow-Possible-Duplicates")).isEqualTo("0");
  }

  @Test
  void everyoneReadsTheRulesAndOnlyAnAdminChangesThem() {
    succeeded(setRules("block", "warn", "off", "warn"));

    ExtractableResponse<Response> read = succeeded(as(SELLER).get(RULES).then().extract());
    assertThat(read.<List<String>>path("rules.rule")).containsExactly("email", "phone", "similar-name", "email-domain-and-last-name");
    assertThat(read.<List<String>>path("rules.mode")).containsExactly("block", "warn", "off", "warn");
    assertThat(read.<String>path("changedBy")).isEqualTo("admin-duplicates");
    assertThat(as(MANAGER).contentType(ContentType.JSON).body(ALL_WARN).put(RULES).then().extract().statusCode()).isEqualTo(403);
  }

  @Test
  void rulesThatAreUnknownMissingOrNamedTwiceAre400AndChangeNothing() {
    assertThat(invalidFields(problem(setRules("refuse", "warn", "warn", "warn"), 400))).containsExactly("rules[0].mode");
    String twice = "{\"rules\": [{\"rule\": \"email\", \"mode\": \"warn\"}, {\"rule\": \"email\", \"mode\": \"block\"}]}";
    assertThat(invalidFields(problem(as(ADMIN).contentType(ContentType.JSON).body(twice).put(RULES).then().extract(), 400)))
        .containsExactly("rules[1].rule");
    String unknown = ALL_WARN.replace("\"phone\"", "\"fax\"");
    assertThat(invalidFields(problem(as(ADMIN).contentType(ContentType.JSON).body(unknown).put(RULES).then().extract(), 400)))
        .containsExactly("rules[1].rule");
    String missing = "{\"rules\": [{\"rule\": \"email\", \"mode\": \"block\"}]}";
    assertThat(invalidFields(problem(as(ADMIN).contentType(ContentType.JSON).body(missing).put(RULES).then().extract(), 400)))
        .containsOnly("rules");

    assertThat(succeeded(as(SELLER).get(RULES).then().extract()).<List<String>>path("rules.mode")).containsOnly("warn");
  }

  @Test
  void theQualifyDryRunListsTheDuplicateLeads() {
    String domain = domain();
    String lastName = "Franklin" + Leads.marker();
    String first = lead(SELLER, "{\"lastName\": \"" + lastName + "\", \"companyName\": \"DNA Labs\", \"email\": \"rosalind@" + domain + "\"}");
    String second = lead(SELLER, "{\"lastName\": \"" + lastName + "\", \"companyName\": \"Helix Works\", \"email\": \"Rosalind@" + domain + "\"}");

    ExtractableResponse<Response> dryRun =
        succeeded(as(SELLER).contentType(ContentType.JSON).body("{\"dryRun\": true}").post(BASE + "/{id}/qualify", second).then().extract());

    assertThat(dryRun.<List<String>>path("preview.duplicateLeads.id")).containsExactly(first);
    assertThat(dryRun.<List<String>>path("preview.duplicateLeads[0].matchedBy")).containsExactly("email", "email-domain-and-last-name");
  }

  @Test
  void theRulesWantABearerToken() {
    problem(given().noFiltersOfType(DefaultBearerToken.class).get(RULES).then().extract(), 401);
    problem(given().noFiltersOfType(DefaultBearerToken.class).contentType(ContentType.JSON).body(ALL_WARN).put(RULES).then().extract(), 401);
    problem(as(SELLER).contentType(ContentType.JSON).body(ALL_WARN).put(RULES).then().extract(), 403);
    problem(as(TestTokens.integration("crm-import")).contentType(ContentType.JSON).body(ALL_WARN).put(RULES).then().extract(), 403);
  }

  @Test
  void anotherSellersLeadHasNoDuplicatesToShow() {
    String others = lead(OTHER_SELLER, "{\"lastName\": \"" + Leads.marker() + "\"}");

    problem(as(SELLER).get(BASE + "/{id}/duplicates", others).then().extract(), 404);
  }
}
