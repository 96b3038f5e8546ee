package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadTest {

  private static final Actor SELLER = new Actor("seller-1", Actor.Channel.USER);
  private static final Actor OTHER = new Actor("seller-2", Actor.Channel.USER);
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");

  private static LeadDetails details(String jobTitle) {
    return new LeadDetails(
        "Ada", "Lovelace", "Analytical Engines Ltd", jobTitle, "ada@engines.example", "+442079460123",
        null, LeadSource.TRADE_SHOW, "Manufacturing", 250, new Money(new BigDecimal("1000000"), "GBP"), "GB",
        "London", null, Map.of("campaign", "expo"));
  }

  private static Lead newLead() {
    return Lead.capture(details("Engineer"), Qualification.EMPTY, "seller-1", SELLER, T0);
  }

  @Test
  void aCapturedLeadIsOpenNewAndReportsEveryInitialValue() {
    Lead lead = newLead();

    assertThat(lead.statusReason()).isEqualTo(StatusReason.NEW);
    assertThat(lead.state()).isEqualTo(LeadState.OPEN);
    LeadEvent.Captured captured = LeadEvent.Captured.of(lead, SELLER);
    assertThat(captured.values())
        .contains(
            new FieldChange("lastName", null, "Lovelace"),
            new FieldChange("source", null, "Trade Show"),
            new FieldChange("annualRevenue", null, Map.of("amount", "1000000.00", "currency", "GBP")))
        .noneMatch(change -> change.field().equals("firstName") && change.newValue() == null);
  }

  @Test
  void anUpdateReportsOnlyTheFieldsThatChanged() {
    Lead lead = newLead();

    List<LeadEvent> events = lead.update(details("CTO"), Qualification.EMPTY, "seller-1", OTHER, T1);

    assertThat(events).singleElement().isInstanceOfSatisfying(LeadEvent.Updated.class, updated -> {
      assertThat(updated.changes()).containsExactly(new FieldChange("jobTitle", "Engineer", "CTO"));
      assertThat(updated.actor()).isEqualTo(OTHER);
    });
    assertThat(lead.updatedAt()).isEqualTo(T1);
  }

  @Test
  void anUpdateThatChangesNothingReportsNothing() {
    Lead lead = newLead();

    assertThat(lead.update(details("Engineer"), Qualification.EMPTY, "seller-1", OTHER, T1)).isEmpty();
    assertThat(lead.updatedAt()).isEqualTo(T0);
  }

  @Test
  void qualificationCriteriaAreStampedWithWhoCapturedThemWhenTheirValuesChange() {
    Lead lead = newLead();
    Qualification budgetOnly =
        new Qualification(
            new Qualification.Budget(new Money(new BigDecimal("50000"), "GBP"), BudgetStatus.CAN_BUY, "Approved", null),
            null, null, null, null);
    lead.update(details("Engineer"), budgetOnly, "seller-1", SELLER, T0);

    Qualification withNeed =
        new Qualification(lead.qualification().budget(), null, new Qualification.Need(NeedLevel.MUST_HAVE, null, null), null, null);
    List<LeadEvent> events = lead.update(details("Engineer"), withNeed, "seller-1", OTHER, T1);

    assertThat(lead.qualification().budget().captured()).isEqualTo(new Capture("seller-1", T0));
    assertThat(lead.qualification().need().captured()).isEqualTo(new Capture("seller-2", T1));
    assertThat(((LeadEvent.Updated) events.get(0)).changes())
        .containsExactly(new FieldChange("qualification.need.level", null, "Must Have"));
  }

  @Test
  void theFirstCompletedOutreachMakesANewLeadContactedAndLaterOnesDoNot() {
    Lead lead = newLead();
    Activity.Details call =
        new Activity.Details(ActivityType.PHONE_CALL, "Intro", null, ActivityDirection.OUTBOUND, ActivityOutcome.COMPLETED, T1, null, null);

    Lead.ActivityLog first = lead.logActivity(call, SELLER, T1);
    Lead.ActivityLog second = lead.logActivity(call, SELLER, T1);

    assertThat(first.events()).hasSize(2);
    assertThat(first.events().get(0)).isInstanceOf(LeadEvent.ActivityLogged.class);
    assertThat(first.events().get(1))
        .isInstanceOfSatisfying(LeadEvent.StatusChanged.class, change -> {
          assertThat(change.from()).isEqualTo(StatusReason.NEW);
          assertThat(change.to()).isEqualTo(StatusReason.CONTACTED);
        });
    assertThat(second.events()).singleElement().isInstanceOf(LeadEvent.ActivityLogged.class);
    assertThat(lead.statusReason()).isEqualTo(StatusReason.CONTACTED);
  }

  @Test
  void aNoteOrAnUnansweredCallIsNotOutreachThatContacts() {
    Lead lead = newLead();
    lead.logActivity(new Activity.Details(ActivityType.NOTE, "Thoughts", null, null, ActivityOutcome.COMPLETED, null, null, null), SELLER, T1);
    lead.logActivity(new Activity.Details(ActivityType.PHONE_CALL, "Try", null, ActivityDirection.OUTBOUND, ActivityOutcome.NO_ANSWER, null, null, null), SELLER, T1);

    assertThat(lead.statusReason()).isEqualTo(StatusReason.NEW);
    assertThat(lead.updatedAt()).isEqualTo(T0);
  }

  @Test
  void disqualifyingKeepsTheReasonAndNurtureDateAndReactivatingClearsIt() {
    Lead lead = newLead();
    LocalDate nurture = LocalDate.parse("2027-06-30");

    List<LeadEvent> disqualified = lead.disqualify(StatusReason.NO_LONGER_INTERESTED, "Chose a competitor", nurture, Optional::empty, SELLER, T1);

    assertThat(lead.state()).isEqualTo(LeadState.DISQUALIFIED);
    assertThat(lead.nurtureUntil()).isEqualTo(nurture);
    assertThat(disqualified).singleElement().isInstanceOfSatisfying(LeadEvent.StatusChanged.class, change -> {
      assertThat(change.action()).isEqualTo(LeadAction.DISQUALIFY);
      assertThat(change.note()).isEqualTo("Chose a competitor");
    });
    assertThatThrownBy(() -> lead.update(details("CTO"), Qualification.EMPTY, "seller-1", SELLER, T1))
        .isInstanceOf(TransitionNotAllowedException.class);

    lead.reactivate("Budget approved", null, SELLER, T1);
    assertThat(lead.statusReason()).isEqualTo(StatusReason.NEW);
    assertThat(lead.nurtureUntil()).isNull();
  }

  @Test
  void aLeadNeedsALastNameOrACompanyName() {
    assertThatThrownBy(
            () -> new LeadDetails("Ada", " ", null, null, null, null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeOrderedIdsAreVersion7AndSortByCreation() {
    var first = TimeOrderedIds.next();
    var later = TimeOrderedIds.next();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.getMostSignificantBits() >>> 16).isLessThanOrEqualTo(later.getMostSignificantBits() >>> 16);
  }
}
