package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Analytical Engines Ltd           | analytical engines",
        "Analytical Engines Ltd.          | analytical engines",
        "ANALYTICAL ENGINES LIMITED       | analytical engines",
        "Analytical-Engines GmbH          | analytical engines",
        "analytical engines, inc.         | analytical engines",
        "Analytical Engines LLC           | analytical engines",
        "Analytical Engines S.A.          | analytical engines",
        "Analytical Engines B.V.          | analytical engines",
        "Analytical Engines GmbH & Co. KG | analytical engines",
        "The Analytical Engines Company   | analytical engines",
        "Müller Maschinenbau AG           | muller maschinenbau",
        "Smith & Sons Ltd                 | smith and sons",
        "O'Brien Consulting               | obrien consulting",
        "Johnson and Johnson              | johnson and johnson",
      })
  void spellingsOfOneCompanyShareTheirNormalisedName(String name, String normalised) {
    assertThat(CompanyNames.normalize(name)).isEqualTo(normalised);
  }

  @Test
  void aNameThatIsOnlyALegalFormIsKept() {
    assertThat(CompanyNames.normalize("Company Ltd")).isEqualTo("company");
    assertThat(CompanyNames.normalize("GmbH")).isEqualTo("gmbh");
  }

  @Test
  void aNameWithoutLettersOrDigitsIsEmpty() {
    assertThat(CompanyNames.normalize(" -- ")).isEmpty();
    assertThat(CompanyNames.normalize(null)).isEmpty();
  }
}
