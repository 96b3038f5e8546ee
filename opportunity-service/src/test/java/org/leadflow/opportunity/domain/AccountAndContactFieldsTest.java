package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountAndContactFieldsTest {

  private static final Instant NOW = Instant.parse("2026-05-04T09:15:00Z");

  private static Account.Fields account(String name, String website, String emailDomain, String city) {
    return new Account.Fields(name, website, "Manufacturing", 250, new Money(new BigDecimal("100.00"), "GBP"), "gb", city, "+44 20 7946 0123", emailDomain);
  }

  @Test
  void anAccountMadeByHandKeepsItsMatchKeysAndRecordsEveryValueAsCreated() {
    Changed<Account> opened = Account.open(UUID.randomUUID(), account("Analytical Engines Ltd", "www.engines.example", "Engines.example", "London"), "seller-7", NOW);

    Account account = opened.record();
    assertThat(account.normalizedName()).isEqualTo(CompanyNames.normalize("Analytical Engines"));
    assertThat(account.websiteDomain()).isEqualTo("engines.example");
    assertThat(account.emailDomain()).isEqualTo("engines.example");
    assertThat(account.country()).isEqualTo("GB");
    assertThat(account.phone()).isEqualTo("+442079460123");
    assertThat(opened.changes())
        .contains(
            new ChangedField("name", null, "Analytical Engines Ltd"),
            new ChangedField("annualRevenue", null, Map.of("amount", "100.00", "currency", "GBP")),
            new ChangedField("ownerId", null, "seller-7"));
    assertThat(MatchProbe.of("ANALYTICAL ENGINES GMBH", null, null, null).matches(account)).containsExactly(AccountMatchedBy.COMPANY_NAME);
  }

  @Test
  void anEditAnswersOnlyTheFieldsThatChanged() {
    Account account = Account.open(UUID.randomUUID(), account("Engines Ltd", null, null, "London"), "seller-7", NOW).record();

    assertThat(account.apply(account("Engines Ltd", null, null, "Cambridge"))).containsExactly(new ChangedField("city", "London", "Cambridge"));
    assertThat(account.apply(account("Engines Ltd", null, null, "Cambridge"))).isEmpty();
    assertThat(account.reassign("seller-8")).containsExactly(new ChangedField("ownerId", "seller-7", "seller-8"));
  }

  @Test
  void accountFieldsRefuseWhatNoOrganisationHas() {
    assertThatThrownBy(() -> account(" ", null, null, null)).hasFieldOrPropertyWithValue("field", "name");
    assertThatThrownBy(() -> account("Engines", null, "gmail.com", null)).hasFieldOrPropertyWithValue("field", "emailDomain");
    assertThatThrownBy(() -> account("Engines", null, "ada@engines.example", null)).hasFieldOrPropertyWithValue("field", "emailDomain");
    assertThatThrownBy(() -> account("Engines", "not a host", null, null)).hasFieldOrPropertyWithValue("field", "website");
    assertThatThrownBy(() -> new Account.Fields("Engines", null, null, -1, null, null, null, null, null))
        .hasFieldOrPropertyWithValue("field", "numberOfEmployees");
    assertThatThrownBy(() -> new Account.Fields("Engines", null, null, null, null, "XX", null, null, null))
        .hasFieldOrPropertyWithValue("field", "country");
  }

  @Test
  void aContactNeedsAnAccountAndSomethingToCallThePersonBy() {
    UUID accountId = UUID.randomUUID();
    assertThatThrownBy(() -> new Contact.Fields("Ada", null, null, null, null, null)).hasFieldOrPropertyWithValue("field", "accountId");
    assertThatThrownBy(() -> new Contact.Fields(" ", null, null, "+44 20 7946 0123", null, accountId)).hasFieldOrPropertyWithValue("field", "lastName");
    assertThatThrownBy(() -> new Contact.Fields("Ada", null, "not-an-email", null, null, accountId)).hasFieldOrPropertyWithValue("field", "email");

    Contact.Fields fields = new Contact.Fields("Ada", "Lovelace", "Ada@Engines.example", "+44 20 7946 0123", "CTO", accountId);
    assertThat(fields.email()).isEqualTo("ada@engines.example");
    assertThat(fields.probe()).isEqualTo(new MatchProbe(null, null, null, "ada@engines.example", "+442079460123"));
  }
}
