package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.create;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code POST /leads} accepts, and the 400/415 problems for what it does not. */
@QuarkusTest
class LeadValidationTest {

  // --- Rules of single fields: each offending field is named in its own error ---------------

  static Stream<Arguments> invalidLeads() {
    return Stream.of(
        rule("email must be an email address", "\"email\":\"not-an-email\"", "email"),
        rule("phone must be a phone number", "\"phone\":\"call me maybe\"", "phone"),
        rule("phone must be possible in the lead's country", "\"phone\":\"0123\",\"country\":\"GB\"", "phone"),
        rule("country must exist in ISO 3166-1", "\"country\":\"XX\"", "country"),
        rule("country is upper case alpha-2", "\"country\":\"gb\"", "country"),
        rule("country is alpha-2, not alpha-3", "\"country\":\"GBR\"", "country"),
        rule("source must be a known label", "\"source\":\"Carrier Pigeon\"", "source"),
        rule("source labels are exact", "\"source\":\"trade show\"", "source"),
        rule("numberOfEmployees is not negative", "\"numberOfEmployees\":-1", "numberOfEmployees"),
        rule("numberOfEmployees is at most 10,000,000", "\"numberOfEmployees\":10000001", "numberOfEmployees"),
        rule("annualRevenue has at most 2 decimals", "\"annualRevenue\":{\"amount\":\"12.345\",\"currency\":\"EUR\"}", "annualRevenue.amount"),
        rule("annualRevenue amount is a decimal", "\"annualRevenue\":{\"amount\":\"lots\",\"currency\":\"EUR\"}", "annualRevenue.amount"),
        rule("annualRevenue needs an amount", "\"annualRevenue\":{\"currency\":\"EUR\"}", "annualRevenue.amount"),
        rule("annualRevenue currency must exist in ISO 4217", "\"annualRevenue\":{\"amount\":\"10.00\",\"currency\":\"XYZ\"}", "annualRevenue.currency"),
        rule("annualRevenue currency is upper case", "\"annualRevenue\":{\"amount\":\"10.00\",\"currency\":\"eur\"}", "annualRevenue.currency"),
        rule("annualRevenue needs a currency", "\"annualRevenue\":{\"amount\":\"10.00\"}", "annualRevenue.currency"),
        rule("website must be http(s)", "\"website\":\"ftp://files.example\"", "website"),
        rule("website must be a URL", "\"website\":\"analytical-engines.example\"", "website"),
        rule("attributes have at most 50 entries", "\"attributes\":" + attributes(51), "attributes"),
        rule("attribute keys have at most 100 characters", "\"attributes\":{\"" + "k".repeat(101) + "\":1}", "attributes." + "k".repeat(101)),
        rule("attribute keys are not empty", "\"attributes\":{\"\":1}", "attributes."),
        rule("attribute values are not objects", "\"attributes\":{\"nested\":{\"a\":1}}", "attributes.nested"),
        rule("attribute values are not arrays", "\"attributes\":{\"list\":[1,2]}", "attributes.list"),
        rule("attribute values are not null", "\"attributes\":{\"nothing\":null}", "attributes.nothing"),
        rule("attribute strings have at most 1000 characters", "\"attributes\":{\"long\":\"" + "x".repeat(1001) + "\"}", "attributes.long"),
        rule("budget status must be a known label", "\"qualification\":{\"budget\":{\"status\":\"Rich\"}}", "qualification.budget.status"),
        rule("budget amount currency must exist", "\"qualification\":{\"budget\":{\"amount\":{\"amount\":\"5.00\",\"currency\":\"XYZ\"}}}", "qualification.budget.amount.currency"),
        rule("budget amount has at most 2 decimals", "\"qualification\":{\"budget\":{\"amount\":{\"amount\":\"5.001\",\"currency\":\"EUR\"}}}", "qualification.budget.amount.amount"),
        rule("purchase process must be a known label", "\"qualification\":{\"authority\":{\"purchaseProcess\":\"Dictator\"}}", "qualification.authority.purchaseProcess"),
        rule("need level must be a known label", "\"qualification\":{\"need\":{\"level\":\"Nice\"}}", "qualification.need.level"),
        rule("purchase timeframe must be a known label", "\"qualification\":{\"timeline\":{\"purchaseTimeframe\":\"Someday\"}}", "qualification.timeline.purchaseTimeframe"),
        rule("budget note has at most 2000 characters", "\"qualification\":{\"budget\":{\"note\":\"" + "n".repeat(2001) + "\"}}", "qualification.budget.note"),
        rule("authority note has at most 2000 characters", "\"qualification\":{\"authority\":{\"note\":\"" + "n".repeat(2001) + "\"}}", "qualification.authority.note"),
        rule("need note has at most 2000 characters", "\"qualification\":{\"need\":{\"note\":\"" + "n".repeat(2001) + "\"}}", "qualification.need.note"),
        rule("timeline note has at most 2000 characters", "\"qualification\":{\"timeline\":{\"note\":\"" + "n".repeat(2001) + "\"}}", "qualification.timeline.note"),
        rule("fit note has at most 2000 characters", "\"qualification\":{\"fit\":{\"note\":\"" + "n".repeat(2001) + "\"}}", "qualification.fit.note"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidLeads")
  void aLeadBreakingOneRuleIsRejectedNamingThatFieldOnly(String rule, String members, String field) {
    assertThat(invalidFields(create("{\"lastName\":\"Valid\"," + members + "}"))).containsOnly(field);
  }

  @ParameterizedTest(name = "{0} has at most {1} characters")
  @CsvSource({
    "firstName, 100",
    "lastName, 100",
    "companyName, 200",
    "jobTitle, 100",
    "industry, 100",
    "city, 100",
    "ownerId, 100",
    "description, 4000",
  })
  void aTextLongerThanItsLimitIsRejectedNamingTheField(String field, int limit) {
    String name = field.equals("companyName") ? "lastName" : "companyName";
    String tooLong = "{\"" + name + "\":\"Valid\",\"" + field + "\":\"" + "a".repeat(limit + 1) + "\"}";
    assertThat(invalidFields(create(tooLong))).containsOnly(field);
  }

  @Test
  void anEmailPhoneOrWebsiteLongerThanItsLimitIsRejected() {
    String longEmail = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".example";
    assertThat(longEmail).hasSizeGreaterThan(254);
    assertThat(invalidFields(create("{\"lastName\":\"Valid\",\"email\":\"" + longEmail + "\"}"))).containsOnly("email");
    assertThat(invalidFields(create("{\"lastName\":\"Valid\",\"phone\":\"+44 20 7946 0123" + " ".repeat(30) + "\"}")))
        .containsOnly("phone");
    String longWebsite = "https://example.org/" + "p".repeat(481);
    assertThat(invalidFields(create("{\"lastName\":\"Valid\",\"website\":\"" + longWebsite + "\"}"))).containsOnly("website");
  }

  @Test
  void aLeadWithEveryTextAtItsLimitIsAccepted() {
    String website = "https://example.org/" + "p".repeat(480);
    ExtractableResponse<Response> created =
        succeeded(
            create(
                "{\"firstName\":\"" + "f".repeat(100) + "\",\"lastName\":\"" + "l".repeat(100)
                    + "\",\"companyName\":\"" + "c".repeat(200) + "\",\"jobTitle\":\"" + "j".repeat(100)
                    + "\",\"industry\":\"" + "i".repeat(100) + "\",\"city\":\"" + "t".repeat(100)
                    + "\",\"ownerId\":\"" + "o".repeat(100) + "\",\"description\":\"" + "d".repeat(4000)
                    + "\",\"website\":\"" + website + "\",\"qualification\":{\"fit\":{\"note\":\""
                    + "n".repeat(2000) + "\"}}}"));
    assertThat(created.<String>path("companyName")).hasSize(200);
    assertThat(created.<String>path("description")).hasSize(4000);
    assertThat(created.<String>path("website")).hasSize(500);
    assertThat(created.<String>path("qualification.fit.note")).hasSize(2000);
  }

  @Test
  void blankLastNameAndCompanyNameCountAsMissing() {
    assertThat(invalidFields(create("{\"lastName\":\"  \",\"companyName\":\"\"}")))
        .containsExactlyInAnyOrder("lastName", "companyName");
  }

  @Test
  void eitherLastNameOrCompanyNameIsEnough() {
    assertThat(succeeded(create("{\"lastName\":\"Only\"}")).<String>path("lastName")).isEqualTo("Only");
    assertThat(succeeded(create("{\"companyName\":\"Only Ltd\"}")).<String>path("companyName")).isEqualTo("Only Ltd");
  }

  // --- Accepted values -------------------------------------------------------------------------

  @ParameterizedTest(name = "\"{0}\" with country {1} is stored as {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "+44 20 7946 0123, none, +442079460123",
        "+44 20 7946 0123, GB,   +442079460123",
        "020 7946 0123,    GB,   +442079460123",
        "(212) 555-0123,   none, +12125550123",
        "030 901820,       DE,   +4930901820",
      })
  void phoneNumbersAreStoredInE164(String written, String country, String stored) {
    String countryMember = country == null ? "" : ",\"country\":\"" + country + "\"";
    ExtractableResponse<Response> created =
        succeeded(create("{\"lastName\":\"Phoned\",\"phone\":\"" + written + "\"" + countryMember + "}"));
    assertThat(created.<String>path("phone")).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Advertisement", "Employee Referral", "External Referral", "Partner", "Public Relations",
        "Seminar", "Trade Show", "Web", "Word of Mouth", "Other"
      })
  void everyLeadSourceIsAccepted(String source) {
    assertThat(succeeded(create("{\"lastName\":\"Sourced\",\"source\":\"" + source + "\"}")).<String>path("source"))
        .isEqualTo(source);
  }

  @ParameterizedTest(name = "qualification.{0}.{1} = {2}")
  @CsvSource({
    "budget, status, No Committed Budget",
    "budget, status, May Buy",
    "budget, status, Can Buy",
    "budget, status, Will Buy",
    "authority, purchaseProcess, Individual",
    "authority, purchaseProcess, Committee",
    "authority, purchaseProcess, Unknown",
    "need, level, Must Have",
    "need, level, Should Have",
    "need, level, Good to Have",
    "need, level, No Need",
    "timeline, purchaseTimeframe, Immediate",
    "timeline, purchaseTimeframe, This Quarter",
    "timeline, purchaseTimeframe, Next Quarter",
    "timeline, purchaseTimeframe, This Year",
    "timeline, purchaseTimeframe, Unknown",
  })
  void everyQualificationLabelIsAccepted(String criterion, String member, String label) {
    ExtractableResponse<Response> created =
        succeeded(
            create(
                "{\"lastName\":\"Qualified\",\"qualification\":{\"" + criterion + "\":{\"" + member + "\":\""
                    + label + "\"}}}"));
    assertThat(created.<String>path("qualification." + criterion + "." + member)).isEqualTo(label);
  }

  @Test
  void theBoundsOfNumberOfEmployeesAreAccepted() {
    assertThat(succeeded(create("{\"lastName\":\"Tiny\",\"numberOfEmployees\":0}")).<Integer>path("numberOfEmployees"))
        .isZero();
    assertThat(succeeded(create("{\"lastName\":\"Huge\",\"numberOfEmployees\":10000000}")).<Integer>path("numberOfEmployees"))
        .isEqualTo(10_000_000);
  }

  @Test
  void attributesMayHoldFiftyStringNumberOrBooleanValues() {
    assertThat(succeeded(create("{\"lastName\":\"Many\",\"attributes\":" + attributes(50) + "}")).<Map<String, Object>>path("attributes"))
        .hasSize(50);
    ExtractableResponse<Response> created =
        succeeded(
            create(
                "{\"lastName\":\"Typed\",\"attributes\":{\"" + "k".repeat(100) + "\":\"" + "v".repeat(1000)
                    + "\",\"visits\":3,\"ratio\":0.5,\"newsletter\":false}}"));
    assertThat(created.<String>path("attributes." + "k".repeat(100))).hasSize(1000);
    assertThat(created.<Integer>path("attributes.visits")).isEqualTo(3);
    assertThat(created.<Float>path("attributes.ratio")).isEqualTo(0.5f);
    assertThat(created.<Boolean>path("attributes.newsletter")).isFalse();
  }

  @Test
  void moneyIsAnsweredWithTwoDecimals() {
    ExtractableResponse<Response> created =
        succeeded(create("{\"lastName\":\"Rich\",\"annualRevenue\":{\"amount\":\"1250.5\",\"currency\":\"EUR\"}}"));
    assertThat(created.<String>path("annualRevenue.amount")).isEqualTo("1250.50");
    assertThat(created.<String>path("annualRevenue.currency")).isEqualTo("EUR");
  }

  @Test
  void emailIsStoredInLowerCase() {
    assertThat(succeeded(create("{\"lastName\":\"Mail\",\"email\":\"Ada.Lovelace@Example.ORG\"}")).<String>path("email"))
        .isEqualTo("ada.lovelace@example.org");
  }

  // --- Bodies that are not a lead ----------------------------------------------------------------

  @Test
  void malformedJsonIsA400ProblemWithoutInternals() {
    ExtractableResponse<Response> answer = problem(create("{\"lastName\": "), 400);
    assertThat(answer.<String>path("title")).isEqualTo("Malformed request body");
    assertThat(answer.body().asString()).doesNotContain("com.fasterxml", "Exception", "\tat ");
  }

  @Test
  void anEmptyBodyIsA400Problem() {
    problem(given().contentType(ContentType.JSON).when().post(Leads.BASE).then().extract(), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"Ada Lovelace\"", "42"})
  void aBodyThatIsNotAJsonObjectIsA400Problem(String body) {
    problem(create(body), 400);
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("\"numberOfEmployees\":\"many\"", "numberOfEmployees"),
        Arguments.of("\"numberOfEmployees\":2.5", "numberOfEmployees"),
        Arguments.of("\"numberOfEmployees\":true", "numberOfEmployees"),
        Arguments.of("\"numberOfEmployees\":99999999999", "numberOfEmployees"),
        Arguments.of("\"firstName\":{\"given\":\"Ada\"}", "firstName"),
        Arguments.of("\"annualRevenue\":\"lots\"", "annualRevenue"),
        Arguments.of("\"attributes\":[1,2]", "attributes"),
        Arguments.of("\"qualification\":\"yes\"", "qualification"),
        Arguments.of("\"qualification\":{\"authority\":{\"decisionMaker\":\"perhaps\"}}", "qualification.authority.decisionMaker"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void aValueOfTheWrongTypeIsA400ProblemNamingTheField(String member, String field) {
    assertThat(invalidFields(create("{\"lastName\":\"Typed\"," + member + "}"))).containsExactly(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"nickname\":\"Ada\"                                   | nickname",
        "\"state\":\"Qualified\"                                | state",
        "\"id\":\"0190b7e4-4a1c-7c4e-9a4e-1b2c3d4e5f60\"        | id",
        "\"annualRevenue\":{\"amount\":\"1.00\",\"currency\":\"EUR\",\"cents\":100} | annualRevenue.cents",
        "\"qualification\":{\"budget\":{\"colour\":\"green\"}}  | qualification.budget.colour",
      })
  void anUnknownFieldIsA400ProblemNamingIt(String member, String field) {
    ExtractableResponse<Response> answer = create("{\"lastName\":\"Known\"," + member + "}");
    assertThat(invalidFields(answer)).containsExactly(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void aBodyThatIsNotJsonIs415Problem(String contentType) {
    problem(given().contentType(contentType).body("lastName=Lovelace").when().post(Leads.BASE).then().extract(), 415);
  }

  private static Arguments rule(String name, String members, String field) {
    return Arguments.of(name, members, field);
  }

  private static String attributes(int count) {
    return IntStream.range(0, count).mapToObj(i -> "\"a" + i + "\":" + i).collect(Collectors.joining(",", "{", "}"));
  }
}
