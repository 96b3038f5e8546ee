package org.leadflow.lead.domain.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.lead.domain.LeadDetails;

/** The built-in enrichers, one table per enricher, with the rules table and lists lead-service ships. */
class EnrichersTest {

  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
  private static final JobTitleRules TITLES = JobTitleRules.parse(shipped("/enrichment/job-title-rules.txt"));
  private static final DomainLists DOMAINS =
      new DomainLists(Set.copyOf(shipped("/duplicates/free-mail-domains.txt")), Set.copyOf(shipped("/enrichment/disposable-domains.txt")));
  private static final Enrichers ENRICHERS = new Enrichers(DOMAINS, TITLES);

  @ParameterizedTest(name = "\"{0}\" is {1}, {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "Chief Executive Officer, C-Level, -",
        "CEO & Founder, C-Level, Executive",
        "Chief Technology Officer, C-Level, IT",
        "CFO, C-Level, Finance",
        "Managing Director, C-Level, Executive",
        "Geschäftsführer, C-Level, Executive",
        "VP of Sales, VP, Sales",
        "Vice President Marketing, VP, Marketing",
        "SVP Engineering, VP, IT",
        "Head of Marketing, Director, Marketing",
        "Director of Finance, Director, Finance",
        "Head of People, Director, HR",
        "Sales Manager, Manager, Sales",
        "HR Manager, Manager, HR",
        "IT Manager, Manager, IT",
        "Operations Manager, Manager, Operations",
        "Software Engineer, Individual Contributor, IT",
        "Account Executive, Individual Contributor, Sales",
        "Accountant, Individual Contributor, Finance",
        "Procurement Specialist, Individual Contributor, Operations",
        "Legal Counsel, -, Legal",
        "Customer Success Manager, Manager, Customer Service",
        "Astronaut, -, -"
      })
  void aJobTitleIsReadAsASeniorityAndADepartmentByTheShippedRulesTable(String title, String seniority, String department) {
    assertThat(TITLES.read(title)).isEqualTo(new JobTitleRules.Reading(seniority, department));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    "Germany, DE", "Deutschland, DE", "germany, DE", "DEU, DE", "de, DE", "UK, GB", "United Kingdom, GB", "England, GB",
    "Great Britain, GB", "U.S.A., US", "USA, US", "United States, US", "États-Unis, US", "Österreich, AT", "Schweiz, CH",
    "Suisse, CH", "España, ES", "Spain, ES", "the Netherlands, NL", "Holland, NL", "Côte d'Ivoire, CI", "India, IN", "Brasil, BR"
  })
  void aCountryNameIsReadAsItsIsoCode(String written, String code) {
    assertThat(CountryNames.code(written)).contains(code);
  }

  @Test
  void somethingThatNamesNoCountryHasNoCode() {
    assertThat(CountryNames.code("Atlantis")).isEmpty();
    assertThat(CountryNames.code("")).isEmpty();
    assertThat(CountryNames.code(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({"+49 30 901820, DE", "+442079460123, GB", "+33 1 42 68 53 00, FR", "+81 3-1234-5678, JP", "+12125550123, US"})
  void aPhoneNumberSaysItsCountry(String phone, String country) {
    assertThat(PhoneCountries.of(phone.replace(" ", "").replace("-", ""))).contains(country);
  }

  @ParameterizedTest(name = "{0}: website domain {1} from {2}, free-mail {3}, disposable {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "ada@acme.example, -, acme.example, email, false, false",
        "ada@Mail.Acme.Example, -, mail.acme.example, email, false, false",
        "ada@gmail.com, -, -, -, true, false",
        "ada@gmail.com, https://www.acme.example/contact, acme.example, website, true, false",
        "ada@mailinator.com, -, -, -, false, true",
        "ada@inbox.yopmail.com, -, -, -, false, true",
        "-, http://acme.example, acme.example, website, -, -"
      })
  void theWebsiteDomainComesFromTheWebsiteElseFromACompanyEmail(
      String email, String website, String domain, String source, Boolean freeMail, Boolean disposable) {
    Map<String, EnrichedValue> facts = ENRICHERS.facts(lead(email, website, null, null, Map.of()), null, AT);

    assertThat(facts.get(Enrichers.WEBSITE_DOMAIN)).isEqualTo(domain == null ? null : new EnrichedValue(domain, source, AT));
    assertThat(facts.get(Enrichers.FREE_MAIL_EMAIL)).isEqualTo(freeMail == null ? null : new EnrichedValue(freeMail, "email", AT));
    assertThat(facts.get(Enrichers.DISPOSABLE_EMAIL)).isEqualTo(disposable == null ? null : new EnrichedValue(disposable, "email", AT));
  }

  @Test
  void theCountryComesFromACountryAttributeElseFromThePhoneElseFromTheCompany() {
    CompanyData company = new CompanyData("Acme", "Manufacturing", 120, null, "FR");
    assertThat(ENRICHERS.facts(lead(null, null, "+4930901820", null, Map.of("Country", "United Kingdom")), company, AT).get(Enrichers.COUNTRY))
        .isEqualTo(new EnrichedValue("GB", "attributes.country", AT));
    assertThat(ENRICHERS.facts(lead(null, null, "+4930901820", null, Map.of()), company, AT).get(Enrichers.COUNTRY))
        .isEqualTo(new EnrichedValue("DE", "phone", AT));
    assertThat(ENRICHERS.facts(lead(null, null, null, null, Map.of()), company, AT).get(Enrichers.COUNTRY))
        .isEqualTo(new EnrichedValue("FR", "provider", AT));
  }

  @Test
  void enrichmentFillsAnEmptyFieldButNeverOneAPersonSetAndLeavesAFieldForGoodOnceAPersonChangedIt() {
    LeadEnrichment enrichment = LeadEnrichment.of(java.util.UUID.randomUUID(), AT);
    LeadDetails byPerson = lead(null, null, "+4930901820", "FR", Map.of());
    assertThat(enrichment.enrich(byPerson, ENRICHERS.facts(byPerson, null, AT), true, AT).details()).isNull();

    LeadDetails empty = lead(null, null, "+4930901820", null, Map.of());
    LeadDetails filled = enrichment.enrich(empty, ENRICHERS.facts(empty, null, AT), true, AT).details();
    assertThat(filled.country()).isEqualTo("DE");
    assertThat(enrichment.filled()).containsEntry("country", "DE");

    LeadDetails cleared = lead(null, null, "+4930901820", null, Map.of());
    assertThat(enrichment.enrich(cleared, ENRICHERS.facts(cleared, null, AT), true, AT).details()).isNull();
    assertThat(enrichment.personOwned()).containsExactly("country");
    LeadDetails newPhone = lead(null, null, "+442079460123", null, Map.of());
    assertThat(enrichment.enrich(newPhone, ENRICHERS.facts(newPhone, null, AT), true, AT).details()).isNull();
  }

  @Test
  void aFactFoundAgainKeepsTheTimeItWasFirstFound() {
    LeadEnrichment enrichment = LeadEnrichment.of(java.util.UUID.randomUUID(), AT);
    LeadDetails lead = lead("ada@acme.example", null, null, null, Map.of());
    enrichment.enrich(lead, ENRICHERS.facts(lead, null, AT), false, AT);
    Instant later = AT.plusSeconds(60);

    LeadEnrichment.Result again = enrichment.enrich(lead, ENRICHERS.facts(lead, null, later), false, later);

    assertThat(again.factsChanged()).isFalse();
    assertThat(enrichment.facts().get(Enrichers.EMAIL_DOMAIN).enrichedAt()).isEqualTo(AT);
  }

  private static LeadDetails lead(String email, String website, String phone, String country, Map<String, Object> attributes) {
    return new LeadDetails(null, "Lovelace", null, null, email, phone, website, null, null, null, null, country, null, null, attributes);
  }

  private static List<String> shipped(String resource) {
    try (InputStream in = EnrichersTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
