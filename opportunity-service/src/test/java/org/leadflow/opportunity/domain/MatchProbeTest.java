package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchProbeTest {

  private static final Instant NOW = Instant.parse("2026-05-04T09:15:00Z");

  private static Account account(String name, String website, String email) {
    return Account.create(
        UUID.randomUUID(), new Account.Details(name, website, null, null, null, "GB", null, null, email), "seller", UUID.randomUUID(), NOW);
  }

  private static Contact contact(String email, String phone) {
    return Contact.create(
        UUID.randomUUID(), new Contact.Details("Ada", "Lovelace", email, phone, null), null, "seller", UUID.randomUUID(), NOW);
  }

  @Test
  void anAccountMatchesByNormalisedNameWebsiteOrEmailDomain() {
    Account account = account("Analytical Engines Ltd", "https://www.engines.example/about", "ada@engines-mail.example");

    assertThat(MatchProbe.of("ANALYTICAL ENGINES GMBH", null, null, null).matches(account)).containsExactly(AccountMatchedBy.COMPANY_NAME);
    assertThat(MatchProbe.of(null, "engines.example", null, null).matches(account)).containsExactly(AccountMatchedBy.WEBSITE_DOMAIN);
    assertThat(MatchProbe.of(null, null, "charles@ENGINES.example", null).matches(account)).containsExactly(AccountMatchedBy.EMAIL_DOMAIN);
    assertThat(MatchProbe.of(null, "http://engines-mail.example", null, null).matches(account)).containsExactly(AccountMatchedBy.WEBSITE_DOMAIN);
    assertThat(MatchProbe.of("Difference Engines", "other.example", "x@other.example", null).matches(account)).isEmpty();
  }

  @Test
  void freeMailDomainsNeverIdentifyAnAccount() {
    Account account = account("Solo Consulting", null, "solo@gmail.com");

    assertThat(account.emailDomain()).isNull();
    assertThat(MatchProbe.of(null, null, "someone@gmail.com", null).matches(account)).isEmpty();
    assertThat(MatchProbe.of(null, null, "someone@gmail.com", null).canMatchAccounts()).isFalse();
  }

  @Test
  void aContactMatchesByEmailIgnoringCaseOrByPhoneInE164() {
    Contact contact = contact("Ada@Engines.example", "+44 20 7946 0123");

    assertThat(contact.email()).isEqualTo("ada@engines.example");
    assertThat(contact.phone()).isEqualTo("+442079460123");
    assertThat(MatchProbe.of(null, null, "ADA@ENGINES.EXAMPLE", null).matches(contact)).containsExactly(ContactMatchedBy.EMAIL);
    assertThat(MatchProbe.of(null, null, null, "+44 (0)20 7946-0123").matches(contact)).containsExactly(ContactMatchedBy.PHONE);
    assertThat(MatchProbe.of(null, null, "ada@engines.example", "+442079460123").matches(contact))
        .containsExactly(ContactMatchedBy.EMAIL, ContactMatchedBy.PHONE);
    assertThat(MatchProbe.of(null, null, "grace@engines.example", "+442079460999").matches(contact)).isEmpty();
  }

  @Test
  void lockKeysAreSortedAndCoverWhatMayBeCreated() {
    MatchProbe probe = MatchProbe.of("Engines Ltd", "engines.example", "ada@engines.example", "+442079460123");

    assertThat(probe.lockKeys(true, true))
        .containsExactly("account-domain:engines.example", "account-name:engines", "contact-email:ada@engines.example", "contact-phone:+442079460123");
    assertThat(probe.lockKeys(false, true)).containsExactly("contact-email:ada@engines.example", "contact-phone:+442079460123");
    assertThat(probe.lockKeys(false, false)).isEmpty();
  }
}
