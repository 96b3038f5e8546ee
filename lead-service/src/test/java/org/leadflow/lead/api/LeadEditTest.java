package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.create;
import static org.leadflow.lead.api.Leads.etag;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.history;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.marker;
import static org.leadflow.lead.api.Leads.patch;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;
import static org.leadflow.lead.api.Leads.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.tokens.TestTokens;

/** {@code PATCH /leads/{id}}: JSON Merge Patch (RFC 7386) of the lead's editable fields, with If-Match. */
@QuarkusTest
class LeadEditTest {

  private static final String QUALIFIED_LEAD =
      """
      {"firstName":"Grace","lastName":"Hopper","companyName":"%s","jobTitle":"Engineer",
       "email":"grace@navy.example","phone":"+1 212 555 0123","country":"US","city":"Arlington",
       "annualRevenue":{"amount":"1000000.00","currency":"USD"},
       "attributes":{"campaign":"spring-expo","newsletter":true,"visits":3},
       "qualification":{"budget":{"status":"Can Buy","note":"Approved"},
                        "need":{"level":"Should Have","note":"Wants reports"}}}
      """;

  private static String newQualifiedLead() {
    return succeeded(create(QUALIFIED_LEAD.formatted(marker()))).path("id");
  }

  @Test
  void aMergePatchReplacesTheMembersItNamesAndKeepsTheRest() {
    String id = newQualifiedLead();
    Instant createdAt = Instant.parse(get(id).path("createdAt"));

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"jobTitle\":\"Rear Admiral\",\"city\":\"Washington\"}"));

    assertThat(edited.statusCode()).isEqualTo(200);
    assertThat(edited.<String>path("jobTitle")).isEqualTo("Rear Admiral");
    assertThat(edited.<String>path("city")).isEqualTo("Washington");
    assertThat(edited.<String>path("lastName")).isEqualTo("Hopper");
    assertThat(edited.<String>path("email")).isEqualTo("grace@navy.example");
    assertThat(edited.<String>path("phone")).isEqualTo("+12125550123");
    assertThat(edited.<String>path("qualification.budget.status")).isEqualTo("Can Buy");
    assertThat(edited.<Integer>path("version")).isEqualTo(1);
    assertThat(edited.header("ETag")).isEqualTo(etag(1));
    assertThat(Instant.parse(edited.path("updatedAt"))).isAfter(createdAt);
    assertThat(get(id).<String>path("jobTitle")).isEqualTo("Rear Admiral");
  }

  @Test
  void nullRemovesAMember() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"phone\":null,\"jobTitle\":null}"));

    assertThat(edited.<String>path("phone")).isNull();
    assertThat(edited.<String>path("jobTitle")).isNull();
    assertThat(edited.<String>path("email")).isEqualTo("grace@navy.example");
  }

  @Test
  void nestedQualificationMergesCriterionByCriterion() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"qualification\":{\"need\":{\"level\":\"Must Have\"}}}"));

    assertThat(edited.<String>path("qualification.need.level")).isEqualTo("Must Have");
    assertThat(edited.<String>path("qualification.need.note")).isEqualTo("Wants reports");
    assertThat(edited.<String>path("qualification.budget.status")).isEqualTo("Can Buy");
    assertThat(edited.<String>path("qualification.budget.note")).isEqualTo("Approved");
  }

  @Test
  void attributesMergeKeyByKey() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited =
        succeeded(patch(id, "{\"attributes\":{\"campaign\":null,\"newsletter\":false,\"segment\":\"smb\"}}"));

    assertThat(edited.<Map<String, Object>>path("attributes"))
        .containsOnly(Map.entry("newsletter", false), Map.entry("visits", 3), Map.entry("segment", "smb"));
  }

  @Test
  void moneyMergesMemberByMember() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"annualRevenue\":{\"currency\":\"EUR\"}}"));

    assertThat(edited.<String>path("annualRevenue.amount")).isEqualTo("1000000.00");
    assertThat(edited.<String>path("annualRevenue.currency")).isEqualTo("EUR");
  }

  @Test
  void aPhoneWithoutCountryCodeIsReadInTheLeadsCountryAfterThePatch() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"country\":\"GB\",\"phone\":\"020 7946 0123\"}"));

    assertThat(edited.<String>path("phone")).isEqualTo("+442079460123");
    assertThat(edited.<String>path("country")).isEqualTo("GB");
  }

  @Test
  void editingACriterionStampsWhoCapturedItAndWhenLeavingTheOthersAlone() {
    String id = newQualifiedLead();
    ExtractableResponse<Response> before = get(id);
    assertThat(before.<String>path("qualification.budget.capturedBy")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(before.<String>path("qualification.timeline.capturedBy")).isNull();
    assertThat(before.<String>path("qualification.timeline.capturedAt")).isNull();

    ExtractableResponse<Response> edited =
        succeeded(patch(id, "{\"qualification\":{\"timeline\":{\"purchaseTimeframe\":\"This Quarter\"}}}"));

    assertThat(edited.<String>path("qualification.timeline.capturedBy")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(Instant.parse(edited.path("qualification.timeline.capturedAt")))
        .isAfter(Instant.parse(before.path("qualification.budget.capturedAt")));
    assertThat(edited.<String>path("qualification.budget.capturedAt"))
        .isEqualTo(before.<String>path("qualification.budget.capturedAt"));
    assertThat(edited.<String>path("qualification.need.capturedAt"))
        .isEqualTo(before.<String>path("qualification.need.capturedAt"));
  }

  @Test
  void aPatchThatChangesNothingKeepsTheVersionAndAddsNoHistory() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited =
        succeeded(patch(id, "{\"jobTitle\":\"Engineer\",\"qualification\":{\"need\":{\"level\":\"Should Have\"}}}"));

    assertThat(edited.<Integer>path("version")).isZero();
    assertThat(edited.header("ETag")).isEqualTo(etag(0));
    assertThat(history(id).<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void plainJsonIsAcceptedAsAMergePatch() {
    String id = Leads.newLead();

    ExtractableResponse<Response> edited =
        given().contentType(ContentType.JSON).body("{\"industry\":\"Shipping\"}").when().patch(Leads.BASE + "/{id}", id).then().extract();

    assertThat(succeeded(edited).<String>path("industry")).isEqualTo("Shipping");
  }

  // --- Optimistic concurrency ------------------------------------------------------------------

  @Test
  void ifMatchWithTheCurrentETagAppliesTheEditAndAnswersTheNextETag() {
    String id = Leads.newLead();
    String current = get(id).header("ETag");

    ExtractableResponse<Response> edited = patch(given().header("If-Match", current), id, "{\"city\":\"Leeds\"}");

    assertThat(succeeded(edited).header("ETag")).isEqualTo(etag(1));
    assertThat(get(id).header("ETag")).isEqualTo(etag(1));
  }

  @Test
  void aStaleIfMatchIsA412ProblemWithTheCurrentETagAndChangesNothing() {
    String id = Leads.newLead();
    succeeded(patch(id, "{\"city\":\"Leeds\"}"));

    ExtractableResponse<Response> stale = patch(given().header("If-Match", etag(0)), id, "{\"city\":\"York\"}");

    problem(stale, 412);
    assertThat(stale.header("ETag")).isEqualTo(etag(1));
    assertThat(get(id).<String>path("city")).isEqualTo("Leeds");
    assertThat(version(id)).isEqualTo(1);
  }

  @Test
  void withoutIfMatchTheEditApplies() {
    String id = Leads.newLead();
    succeeded(patch(id, "{\"city\":\"Leeds\"}"));

    assertThat(succeeded(patch(id, "{\"city\":\"York\"}")).<String>path("city")).isEqualTo("York");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "W/\"0\""})
  void aWildcardOrWeakIfMatchIsAccepted(String ifMatch) {
    String id = Leads.newLead();

    assertThat(succeeded(patch(given().header("If-Match", ifMatch), id, "{\"city\":\"Leeds\"}")).header("ETag"))
        .isEqualTo(etag(1));
  }

  @Test
  void anIfMatchThatIsNotAnETagIsA400ProblemNamingTheHeader() {
    String id = Leads.newLead();

    assertThat(invalidFields(patch(given().header("If-Match", "yesterday"), id, "{\"city\":\"Leeds\"}")))
        .containsExactly("If-Match");
    assertThat(version(id)).isZero();
  }

  // --- Rejected edits --------------------------------------------------------------------------

  @Test
  void anEditIsValidatedLikeACreateAndChangesNothingWhenInvalid() {
    String id = newQualifiedLead();

    assertThat(invalidFields(patch(id, "{\"email\":\"nope\"}"))).containsExactly("email");
    assertThat(invalidFields(patch(id, "{\"country\":\"XX\",\"source\":\"Fax\",\"qualification\":{\"need\":{\"level\":\"Nice\"}}}")))
        .containsExactlyInAnyOrder("country", "source", "qualification.need.level");
    ExtractableResponse<Response> unchanged = get(id);
    assertThat(unchanged.<String>path("email")).isEqualTo("grace@navy.example");
    assertThat(unchanged.<String>path("country")).isEqualTo("US");
    assertThat(unchanged.<Integer>path("version")).isZero();
  }

  @Test
  void removingBothLastNameAndCompanyNameIsRejected() {
    String id = newQualifiedLead();

    assertThat(invalidFields(patch(id, "{\"lastName\":null,\"companyName\":null}")))
        .containsExactlyInAnyOrder("lastName", "companyName");
    assertThat(get(id).<String>path("lastName")).isEqualTo("Hopper");
  }

  @Test
  void removingOneOfLastNameAndCompanyNameIsAllowed() {
    String id = newQualifiedLead();

    ExtractableResponse<Response> edited = succeeded(patch(id, "{\"lastName\":null}"));

    assertThat(edited.<String>path("lastName")).isNull();
    assertThat(edited.<String>path("companyName")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nickname", "state", "statusReason", "version", "id"})
  void anUnknownOrReadOnlyFieldIsA400ProblemNamingIt(String field) {
    String id = Leads.newLead();

    assertThat(invalidFields(patch(id, "{\"" + field + "\":\"x\"}"))).containsExactly(field);
    assertThat(version(id)).isZero();
  }

  @Test
  void anUnknownNestedFieldIsA400ProblemNamingItsPath() {
    String id = Leads.newLead();

    assertThat(invalidFields(patch(id, "{\"qualification\":{\"need\":{\"urgency\":\"high\"}}}")))
        .containsExactly("qualification.need.urgency");
  }

  @Test
  void aValueOfTheWrongTypeIsA400ProblemNamingTheField() {
    String id = Leads.newLead();

    assertThat(invalidFields(patch(id, "{\"numberOfEmployees\":\"many\"}"))).containsExactly("numberOfEmployees");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"jobTitle\"", "null"})
  void aPatchThatIsNotAJsonObjectIsA400Problem(String body) {
    String id = Leads.newLead();

    problem(patch(id, body), 400);
    assertThat(version(id)).isZero();
  }

  @Test
  void malformedJsonIsA400Problem() {
    String id = Leads.newLead();

    assertThat(problem(patch(id, "{\"city\":"), 400).<String>path("title")).isEqualTo("Malformed request body");
  }

  @Test
  void aPatchThatIsNotJsonIs415Problem() {
    String id = Leads.newLead();

    problem(given().contentType(ContentType.TEXT).body("city=Leeds").when().patch(Leads.BASE + "/{id}", id).then().extract(), 415);
  }

  @Test
  void editingAnUnknownLeadIsA404Problem() {
    problem(patch(UUID.randomUUID().toString(), "{\"city\":\"Leeds\"}"), 404);
    problem(patch("not-a-uuid", "{\"city\":\"Leeds\"}"), 404);
  }
}
