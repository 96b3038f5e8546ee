package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.MATCHES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/** {@code POST /matches}: what a conversion would reuse, by the same rules the conversion applies. */
@QuarkusTest
class MatchesTest {

  private static QualifiedLead converted;

  @BeforeAll
  static void convertOneLead() {
    converted = new QualifiedLead();
    converted.website = "https://www." + converted.marker + "-web.example/about";
    try (LeadEvents leadEvents = new LeadEvents()) {
      leadEvents.qualified(converted);
    }
    Database.awaitOpportunity(converted.opportunityId);
  }

  private static ExtractableResponse<Response> match(String body) {
    return given().contentType(ContentType.JSON).body(body).when().post(MATCHES).then().extract();
  }

  @Test
  void theSameCompanyUnderAnotherLegalFormAndSpellingMatchesByName() {
    ExtractableResponse<Response> answer = succeeded(match("{\"companyName\":\"engines, " + converted.marker.toUpperCase() + " LIMITED\"}"));

    assertThat(answer.<List<String>>path("accounts.id")).containsExactly(converted.accountId.toString());
    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("company-name");
    assertThat(answer.<String>path("accounts[0].name")).isEqualTo(converted.companyName);
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void anEmailOfTheCompanysDomainMatchesItsAccount() {
    ExtractableResponse<Response> answer = succeeded(match("{\"email\":\"someone.else@" + converted.marker + ".example\"}"));

    assertThat(answer.<List<String>>path("accounts.id")).containsExactly(converted.accountId.toString());
    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("email-domain");
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void theCompanysWebsiteMatchesItsAccountWhateverItsSpelling() {
    ExtractableResponse<Response> answer = succeeded(match("{\"website\":\"HTTP://" + converted.marker + "-web.example\"}"));

    assertThat(answer.<List<String>>path("accounts.id")).containsExactly(converted.accountId.toString());
    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("website-domain");
  }

  @Test
  void aFreeMailDomainMatchesNoAccount() {
    ExtractableResponse<Response> answer = succeeded(match("{\"email\":\"" + converted.marker + "@gmail.com\"}"));

    assertThat(answer.<List<?>>path("accounts")).isEmpty();
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void aContactMatchesByEmailIgnoringCaseAndByPhoneWhateverItsFormat() {
    String spacedPhone = converted.phone.substring(0, 3) + " " + converted.phone.substring(3, 5) + " " + converted.phone.substring(5);

    ExtractableResponse<Response> answer =
        succeeded(match("{\"email\":\"" + converted.email.toUpperCase() + "\",\"phone\":\"" + spacedPhone + "\"}"));

    assertThat(answer.<List<String>>path("contacts.id")).containsExactly(converted.contactId.toString());
    assertThat(answer.<List<String>>path("contacts[0].matchedBy")).containsExactly("email", "phone");
    assertThat(answer.<String>path("contacts[0].name")).isEqualTo("Ada " + converted.lastName);
    assertThat(answer.<String>path("contacts[0].email")).isEqualTo(converted.email);
    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("email-domain");
  }

  @Test
  void everyKeyThatMatchesIsNamed() {
    ExtractableResponse<Response> answer =
        succeeded(
            match(
                "{\"companyName\":\"" + converted.companyName + "\",\"website\":\"" + converted.marker + ".example\","
                    + "\"email\":\"x@" + converted.marker + "-web.example\"}"));

    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("company-name", "email-domain", "website-domain");
  }

  @Test
  void nothingMatchesAnUnknownCompany() {
    ExtractableResponse<Response> answer = succeeded(match("{\"companyName\":\"Nobody " + QualifiedLead.marker() + " GmbH\"}"));

    assertThat(answer.<List<?>>path("accounts")).isEmpty();
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void whatCannotBeMatchedIsLeftOutAsAConversionLeavesItOut() {
    ExtractableResponse<Response> answer =
        succeeded(
            match(
                "{\"companyName\":\"" + converted.companyName + "\",\"website\":\"n/a\","
                    + "\"email\":\"not-an-email\",\"phone\":\"020 7946 0123\"}"));

    assertThat(answer.<List<String>>path("accounts.id")).containsExactly(converted.accountId.toString());
    assertThat(answer.<List<String>>path("accounts[0].matchedBy")).containsExactly("company-name");
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
  }

  @Test
  void aRequestWithNothingToMatchMatchesNothing() {
    ExtractableResponse<Response> answer = succeeded(match("{\"companyName\":null,\"website\":null,\"email\":null,\"phone\":null}"));

    assertThat(answer.<List<?>>path("accounts")).isEmpty();
    assertThat(answer.<List<?>>path("contacts")).isEmpty();
    assertThat(succeeded(match("{}")).<List<?>>path("accounts")).isEmpty();
  }

  @Test
  void aMemberLongerThanAllowedIsA400NamingIt() {
    assertThat(invalidFields(match("{\"companyName\":\"" + "x".repeat(201) + "\"}"))).containsExactly("companyName");
  }

  @Test
  void anUnknownFieldOrMalformedJsonIsA400() {
    assertThat(invalidFields(match("{\"company\":\"Acme\"}"))).containsExactly("company");
    problem(match("{\"companyName\":"), 400);
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    problem(given().contentType(ContentType.TEXT).body("Acme").when().post(MATCHES).then().extract(), 415);
  }
}
