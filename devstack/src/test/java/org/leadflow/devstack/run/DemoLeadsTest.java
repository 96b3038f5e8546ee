package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoLeadsTest {

  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

  /** Plain ASCII addresses in the reserved {@code .example} domain. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[a-z0-9]+([.][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*([.][a-z0-9]+(-[a-z0-9]+)*)*[.]example$");

  private static List<DemoLead> leads;

  @BeforeAll
  static void generateTheDemoLeads() {
    leads = DemoLeads.generate(LocalRun.DEMO_LEAD_COUNT, DemoLeads.SEED);
  }

  @Test
  void theSameSeedGivesTheSameLeads() {
    assertThat(DemoLeads.generate(LocalRun.DEMO_LEAD_COUNT, DemoLeads.SEED)).isEqualTo(leads);
  }

  @Test
  void anotherSeedGivesOtherLeads() {
    assertThat(DemoLeads.generate(20, DemoLeads.SEED + 1)).isNotEqualTo(leads.subList(0, 20));
  }

  @Test
  void leadsAreNumberedForTheirIdempotencyKeys() {
    assertThat(leads.get(0).idempotencyKey()).isEqualTo("demo-lead-1");
    assertThat(leads.stream().map(DemoLead::idempotencyKey).distinct()).hasSize(leads.size());
  }

  @Test
  void everyLeadHasALastNameOrACompanyName() {
    assertThat(leads)
        .allSatisfy(
            lead ->
                assertThat(
                        lead.request().lastName() != null || lead.request().companyName() != null)
                    .as("lastName or companyName of %s", lead)
                    .isTrue());
  }

  @Test
  void leadsComeFromManyCountriesInIsoAlpha2() {
    Set<String> countries = distinct(CreateLeadRequest::country);
    assertThat(countries).hasSizeGreaterThanOrEqualTo(8).allMatch(code -> code.matches("[A-Z]{2}"));
  }

  @Test
  void everySourceOccursAndNoOtherValue() {
    assertThat(distinct(CreateLeadRequest::source))
        .containsExactlyInAnyOrder(
            "Advertisement",
            "Employee Referral",
            "External Referral",
            "Partner",
            "Public Relations",
            "Seminar",
            "Trade Show",
            "Web",
            "Word of Mouth",
            "Other");
  }

  @Test
  void emailsAreValidUniqueAndInTheReservedExampleDomain() {
    List<String> emails = values(CreateLeadRequest::email);
    assertThat(emails)
        .hasSize(leads.size())
        .doesNotHaveDuplicates()
        .allMatch(e -> EMAIL.matcher(e).matches());
  }

  @Test
  void emailsBelongToTheLeadsCompany() {
    assertThat(leads)
        .filteredOn(lead -> lead.request().website() != null)
        .allSatisfy(
            lead ->
                assertThat(lead.request().email())
                    .endsWith("@" + lead.request().website().substring("https://".length())));
  }

  @Test
  void phonesAreInE164() {
    List<String> phones = values(CreateLeadRequest::phone);
    assertThat(phones)
        .hasSizeGreaterThan(leads.size() / 2)
        .allMatch(p -> E164.matcher(p).matches());
  }

  @Test
  void valuesAreVaried() {
    assertThat(distinct(CreateLeadRequest::lastName)).hasSizeGreaterThan(150);
    assertThat(distinct(CreateLeadRequest::companyName)).hasSizeGreaterThan(150);
    assertThat(distinct(CreateLeadRequest::jobTitle)).hasSizeGreaterThan(100);
    assertThat(distinct(CreateLeadRequest::city)).hasSizeGreaterThan(30);
    assertThat(distinct(CreateLeadRequest::industry)).hasSizeGreaterThan(15);
    assertThat(distinct(CreateLeadRequest::numberOfEmployees)).hasSizeGreaterThan(50);
    assertThat(leads.stream().map(DemoLead::intendedStatus).distinct())
        .containsExactlyInAnyOrder(DemoLeadStatus.values());
  }

  @Test
  void revenueIsADecimalStringInTheCountrysCurrency() {
    assertThat(leads)
        .filteredOn(lead -> lead.request().annualRevenue() != null)
        .hasSizeGreaterThan(100)
        .allSatisfy(
            lead -> {
              CreateLeadRequest.Money revenue = lead.request().annualRevenue();
              assertThat(revenue.amount()).matches("[1-9][0-9]*([.][0-9]{2})?");
              assertThat(revenue.currency())
                  .isEqualTo(DemoCountry.valueOf(lead.request().country()).currency());
            });
  }

  @Test
  void theRequestBodyHasTheApisFieldNamesAndLeavesOutWhatIsUnknown() throws Exception {
    ObjectMapper json = new ObjectMapper();
    DemoLead complete =
        leads.stream()
            .filter(
                lead -> lead.request().annualRevenue() != null && lead.request().phone() != null)
            .findFirst()
            .orElseThrow();
    JsonNode body = json.readTree(json.writeValueAsString(complete.request()));
    assertThat(body.get("annualRevenue").get("amount").isTextual()).isTrue();
    assertThat(body.get("source").asText()).isEqualTo(complete.request().source());
    assertThat(body.has("intendedStatus")).isFalse();

    DemoLead withoutCompany =
        leads.stream()
            .filter(lead -> lead.request().companyName() == null)
            .findFirst()
            .orElseThrow();
    assertThat(json.readTree(json.writeValueAsString(withoutCompany.request())).has("companyName"))
        .isFalse();
  }

  @Test
  void companyDomainsKeepTheDistinctiveWords() {
    assertThat(DemoLeads.domainOf("Analytical Engines Ltd", 1))
        .isEqualTo("analytical-engines.example");
    assertThat(DemoLeads.domainOf("Borgschulze, Kröger und Lenk", 1))
        .isEqualTo("borgschulze-kroger.example");
    assertThat(DemoLeads.domainOf("O'Connor-O'Dwyer", 1)).isEqualTo("oconnor-odwyer.example");
    assertThat(DemoLeads.domainOf("GmbH & Co. KG", 7)).isEqualTo("company-7.example");
  }

  private static <T> List<T> values(Function<CreateLeadRequest, T> field) {
    return leads.stream().map(DemoLead::request).map(field).filter(Objects::nonNull).toList();
  }

  private static <T> Set<T> distinct(Function<CreateLeadRequest, T> field) {
    return values(field).stream().collect(Collectors.toSet());
  }

  /**
   * The default qualification policy requires a need (Must Have or Should Have) and a budget (May,
   * Can or Will Buy): among the open leads, some meet both, some fail one, some leave them unknown.
   */
  @Test
  void openLeadsAreInEveryReadinessStateOfTheDefaultPolicy() {
    List<Map<String, Object>> contacted =
        leads.stream().filter(lead -> lead.intendedStatus() == DemoLeadStatus.CONTACTED).map(lead -> lead.request().qualification()).toList();
    Function<Map<String, Object>, String> readiness =
        qualification -> {
          if (qualification == null) {
            return "nothing known";
          }
          Object need = valueAt(qualification, "need", "level");
          Object budget = valueAt(qualification, "budget", "status");
          if ("No Need".equals(need) || "No Committed Budget".equals(budget)) {
            return "fails a required criterion";
          }
          return need != null && budget != null ? "ready to qualify" : "required criteria unknown";
        };

    assertThat(contacted.stream().map(readiness).collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
        .containsOnlyKeys("nothing known", "fails a required criterion", "ready to qualify", "required criteria unknown")
        .allSatisfy((state, count) -> assertThat(count).as(state).isGreaterThanOrEqualTo(3));
  }

  private static Object valueAt(Map<String, Object> qualification, String criterion, String member) {
    return qualification.get(criterion) instanceof Map<?, ?> values ? values.get(member) : null;
  }
}
