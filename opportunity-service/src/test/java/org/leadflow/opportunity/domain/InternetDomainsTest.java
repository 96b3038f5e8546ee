package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternetDomainsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "engines.example", "www.engines.example", "https://www.Engines.example/about?x=1", "http://engines.example:8080",
        "ENGINES.EXAMPLE.", " engines.example "
      })
  void aWebsiteIsReducedToItsDomain(String website) {
    assertThat(InternetDomains.ofWebsite(website)).isEqualTo("engines.example");
  }

  @Test
  void textWithoutAHostHasNoDomain() {
    assertThat(InternetDomains.ofWebsite("http://")).isNull();
    assertThat(InternetDomains.ofWebsite("localhost")).isNull();
    assertThat(InternetDomains.ofWebsite("")).isNull();
    assertThat(InternetDomains.ofEmail("no-at-sign")).isNull();
  }

  @Test
  void anEmailAddressIsReducedToItsDomain() {
    assertThat(InternetDomains.ofEmail("Ada.Lovelace@Engines.Example")).isEqualTo("engines.example");
  }

  @Test
  void freeMailDomainsSayNothingAboutAnOrganisation() {
    assertThat(InternetDomains.organisational("gmail.com")).isNull();
    assertThat(InternetDomains.organisational("outlook.com")).isNull();
    assertThat(InternetDomains.organisational("engines.example")).isEqualTo("engines.example");
  }
}
