package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.policy.QualificationCheck;

/** How a qualify request becomes the plan of a conversion: options, value and name (docs/architecture.md, section Conversion). */
class ConversionPoliciesTest {

  private static final Actor SELLER = new Actor("seller-1", Actor.Channel.USER);
  private static final Money BUDGET = new Money(new BigDecimal("9000"), "GBP");

  private static Lead lead(String firstName, String lastName, String company) {
    Qualification budget =
        new Qualification(new Qualification.Budget(BUDGET, null, null, null), null, null, null, null);
    return Lead.capture(
        new LeadDetails(firstName, lastName, company, null, null, null, null, null, null, null, null, null, null, null, null),
        budget,
        "seller-1",
        SELLER,
        Instant.parse("2026-11-27T09:00:00Z"));
  }

  private static ConversionRequest.Opportunity opportunity(String name, Money value, ConversionPlan.Line... lines) {
    return new ConversionRequest.Opportunity(name, value, LocalDate.parse("2027-03-31"), List.of(lines));
  }

  private static ConversionPlan.Line line(String quantity, String price) {
    return new ConversionPlan.Line("Seat", new BigDecimal(quantity), new Money(new BigDecimal(price), "EUR"));
  }

  @Test
  void byDefaultAnAccountAContactAndAnOpportunityAreCreatedFromWhatTheLeadHas() {
    ConversionPlan plan = ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead("Ada", "Lovelace", "Engines Ltd"));

    assertThat(plan.createAccount()).isTrue();
    assertThat(plan.createContact()).isTrue();
    assertThat(plan.createOpportunity()).isTrue();
    assertThat(List.of(plan.conversionId(), plan.accountId(), plan.contactId(), plan.opportunityId())).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void namingAnExistingRecordMeansNotCreatingOneAndALeadWithoutACompanyGetsNoAccount() {
    UUID account = UUID.randomUUID();
    ConversionRequest existing = new ConversionRequest(null, null, null, account, null, null);

    ConversionPlan plan = ConversionPlan.forLead(existing, lead("Ada", "Lovelace", "Engines Ltd"));
    assertThat(plan.createAccount()).isFalse();
    assertThat(plan.accountId()).isEqualTo(account);

    ConversionPlan noCompany = ConversionPlan.forLead(new ConversionRequest(true, null, null, null, null, null), lead("Ada", "Lovelace", null));
    assertThat(noCompany.createAccount()).isFalse();
    assertThat(noCompany.accountId()).isNull();
  }

  @Test
  void optionsThatContradictEachOtherAreRefusedNamingTheOption() {
    ConversionRequest contradictory = new ConversionRequest(true, true, false, UUID.randomUUID(), UUID.randomUUID(), null);

    assertThat(contradictory.violations())
        .extracting(OpportunityDraftPolicy.Violation::field)
        .containsExactly("createAccount", "createContact", "createOpportunity");
  }

  @Test
  void theOpportunityIsCheckedOnlyOnceTheOptionsAreSoundAndNamedUnderOpportunity() {
    ConversionRequest tooLong = ConversionRequest.DEFAULTS.with(opportunity("x".repeat(301), null));

    assertThat(tooLong.violations()).extracting(OpportunityDraftPolicy.Violation::field).containsExactly("opportunity.name");
  }

  @Test
  void theValueIsTheSumOfTheLinesElseTheStatedValueElseTheBudget() {
    Lead lead = lead("Ada", "Lovelace", "Engines Ltd");
    Money stated = new Money(new BigDecimal("100"), "EUR");

    assertThat(EstimatedValuePolicy.valueOf(opportunity(null, stated, line("3", "0.335")), BUDGET))
        .isEqualTo(new Money(new BigDecimal("1.01"), "EUR"));
    assertThat(EstimatedValuePolicy.valueOf(opportunity(null, stated), BUDGET)).isEqualTo(stated);
    assertThat(EstimatedValuePolicy.valueOf(opportunity(null, null), BUDGET)).isEqualTo(BUDGET);
    assertThat(ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead).opportunity().estimatedValue()).isEqualTo(BUDGET);
  }

  @Test
  void theOpportunityIsNamedAsAskedElseAfterTheCompanyElseAfterThePerson() {
    assertThat(OpportunityNamePolicy.nameFor("  Engines: 200 seats ", lead("Ada", "Lovelace", "Engines Ltd").details())).isEqualTo("Engines: 200 seats");
    assertThat(OpportunityNamePolicy.nameFor("   ", lead("Ada", "Lovelace", "Engines Ltd").details())).isEqualTo("Engines Ltd");
    assertThat(OpportunityNamePolicy.nameFor(null, lead("Ada", "Lovelace", null).details())).isEqualTo("Ada Lovelace");
    assertThat(OpportunityNamePolicy.nameFor(null, lead(null, "Lovelace", null).details())).isEqualTo("Lovelace");
  }

  @Test
  void republishingPlansTheSameConversionWithItsOwnIds() {
    Lead lead = lead("Ada", "Lovelace", "Engines Ltd");
    ConversionPlan first = ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead);
    lead.qualify(first, "{}", () -> new QualificationCheck(1, 100, null, null, null, null), SELLER, Instant.parse("2026-11-27T10:00:00Z"));

    ConversionPlan again = ConversionPlan.current(ConversionRequest.DEFAULTS, lead);

    assertThat(again).isEqualTo(first);
  }
}
