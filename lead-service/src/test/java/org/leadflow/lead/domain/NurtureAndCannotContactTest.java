package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The system's own changes of a lead: the end of its nurture period, and the Cannot Contact flag. */
class NurtureAndCannotContactTest {

  private static final Actor SELLER = new Actor("seller-1", Actor.Channel.USER);
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant T1 = Instant.parse("2026-12-01T00:05:00Z");
  private static final LocalDate DUE = LocalDate.parse("2026-12-01");

  private static Lead disqualified(LocalDate nurtureUntil) {
    Lead lead = Lead.capture(new LeadDetails(null, "Lovelace", "Engines", null, null, null, null, null, null, null, null, null, null, null, null), Qualification.EMPTY, "seller-1", SELLER, T0);
    lead.disqualify(StatusReason.NO_LONGER_INTERESTED, null, nurtureUntil, Optional::empty, SELLER, T0);
    return lead;
  }

  @Test
  void aLeadNurturedUntilTodayIsReactivatedByTheSystemWithTheCauseNurtureEnded() {
    Lead lead = disqualified(DUE);

    List<LeadEvent> events = Nurture.ended(lead, DUE, T1);

    assertThat(lead.statusReason()).isEqualTo(StatusReason.NEW);
    assertThat(lead.nurtureUntil()).isNull();
    assertThat(events).singleElement().isInstanceOfSatisfying(LeadEvent.StatusChanged.class, change -> {
      assertThat(change.action()).isEqualTo(LeadAction.REACTIVATE);
      assertThat(change.actor()).isEqualTo(Nurture.SYSTEM);
      assertThat(change.cause()).isEqualTo(LeadEvent.Cause.NURTURE_ENDED);
      assertThat(change.nurtureUntilBefore()).isEqualTo(DUE);
    });
  }

  @Test
  void aLeadNotDueOrNoLongerDisqualifiedIsLeftAlone() {
    Lead later = disqualified(DUE.plusDays(1));
    Lead withoutDate = disqualified(null);
    Lead reactivated = disqualified(DUE);
    reactivated.reactivate("Called back", null, SELLER, T0);

    assertThat(Nurture.ended(later, DUE, T1)).isEmpty();
    assertThat(Nurture.ended(withoutDate, DUE, T1)).isEmpty();
    assertThat(Nurture.ended(reactivated, DUE, T1)).isEmpty();
    assertThat(later.state()).isEqualTo(LeadState.DISQUALIFIED);
    assertThat(reactivated.updatedAt()).isEqualTo(T0);
  }

  @Test
  void theCannotContactRuleFlagsAnOpenLeadOnceAndDisqualifiesItWhenThePolicySaysSo() {
    Lead flagged = disqualified(null);
    flagged.reactivate(null, null, SELLER, T0);
    Lead disqualifiedBySystem = disqualified(null);
    disqualifiedBySystem.reactivate(null, null, SELLER, T0);

    List<LeadEvent> flagging = CannotContactFlag.apply(flagged, new CannotContactFinding(3, T0, 14, false, 2), T1);
    List<LeadEvent> disqualifying = CannotContactFlag.apply(disqualifiedBySystem, new CannotContactFinding(3, T0, 14, true, 2), T1);

    assertThat(flagging).singleElement().isInstanceOf(LeadEvent.ContactabilityChanged.class);
    assertThat(flagged.contactability()).isEqualTo(new Contactability(T1, 3, T0));
    assertThat(flagged.state()).isEqualTo(LeadState.OPEN);
    assertThat(CannotContactFlag.apply(flagged, new CannotContactFinding(4, T0, 14, false, 2), T1)).isEmpty();
    assertThat(disqualifying).hasSize(2).last().isInstanceOfSatisfying(LeadEvent.StatusChanged.class, change -> {
      assertThat(change.to()).isEqualTo(StatusReason.CANNOT_CONTACT);
      assertThat(change.actor()).isEqualTo(CannotContactFlag.SYSTEM);
      assertThat(change.cause()).isEqualTo(LeadEvent.Cause.CANNOT_CONTACT_POLICY);
    });
  }

  @Test
  void reactivatingOrAnAnsweredCallClearsTheFlag() {
    Lead lead = disqualified(null);
    lead.reactivate(null, null, SELLER, T0);
    CannotContactFlag.apply(lead, new CannotContactFinding(3, T0, 14, true, 2), T1);

    List<LeadEvent> reactivated = lead.reactivate("They called back", null, SELLER, T1);
    assertThat(lead.contactability()).isNull();
    assertThat(reactivated).last().isInstanceOfSatisfying(LeadEvent.ContactabilityChanged.class, change -> assertThat(change.after()).isNull());

    CannotContactFlag.apply(lead, new CannotContactFinding(3, T0, 14, false, 2), T1);
    Activity.Details answered = new Activity.Details(ActivityType.PHONE_CALL, "Call", null, ActivityDirection.OUTBOUND, ActivityOutcome.COMPLETED, null, null, null);
    lead.logActivity(answered, SELLER, T1);
    assertThat(lead.contactability()).isNull();
  }
}
