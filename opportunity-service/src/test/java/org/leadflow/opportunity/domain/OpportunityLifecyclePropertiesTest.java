package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The opportunity's state machine under generated sequences of actions, checked against a model of
 * the design's transitions: Open/In Progress ⇄ Open/On Hold; Open/* → Won/Won or Lost/{Canceled,
 * Out-Sold}; Won/Lost → Open/In Progress by reopen. An action the model refuses is refused and
 * changes nothing; no sequence reaches a forbidden state.
 */
class OpportunityLifecyclePropertiesTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  enum Action { WIN, LOSE_CANCELED, LOSE_OUT_SOLD, LOSE_AS_WON, LOSE_AS_IN_PROGRESS, REOPEN, PUT_ON_HOLD, RESUME }

  @Test
  void noSequenceOfActionsReachesAStateTheDesignForbids() {
    qt().withExamples(1000).forAll(lists().of(arbitrary().enumValues(Action.class)).ofSizeBetween(1, 40)).checkAssert(actions -> {
      Opportunity.Opened opened = open();
      Opportunity opportunity = opened.opportunity();
      OpportunityStatusReason expected = OpportunityStatusReason.IN_PROGRESS;
      for (Action action : actions) {
        OpportunityStatusReason next = model(expected, action);
        if (next == null) {
          Snapshot before = Snapshot.of(opportunity);
          assertThatThrownBy(() -> act(opportunity, opened.lines(), action)).as("%s from %s", action, before.reason)
              .isInstanceOfAny(OpportunityActionNotAllowedException.class, InvalidValuesException.class);
          assertThat(Snapshot.of(opportunity)).as("refused %s changes nothing", action).isEqualTo(before);
        } else {
          act(opportunity, opened.lines(), action);
          expected = next;
        }
        assertThat(opportunity.statusReason()).as("after %s", actions).isEqualTo(expected);
        holdsTheInvariants(opportunity);
      }
    });
  }

  /** The design's transitions; null where the action is refused. */
  private static OpportunityStatusReason model(OpportunityStatusReason current, Action action) {
    boolean open = current.state() == OpportunityState.OPEN;
    return switch (action) {
      case WIN -> open ? OpportunityStatusReason.WON : null;
      case LOSE_CANCELED -> open ? OpportunityStatusReason.CANCELED : null;
      case LOSE_OUT_SOLD -> open ? OpportunityStatusReason.OUT_SOLD : null;
      case LOSE_AS_WON, LOSE_AS_IN_PROGRESS -> null; // not a reason to lose
      case REOPEN -> open ? null : OpportunityStatusReason.IN_PROGRESS;
      case PUT_ON_HOLD -> current == OpportunityStatusReason.IN_PROGRESS ? OpportunityStatusReason.ON_HOLD : null;
      case RESUME -> current == OpportunityStatusReason.ON_HOLD ? OpportunityStatusReason.IN_PROGRESS : null;
    };
  }

  private static void act(Opportunity opportunity, List<OpportunityLine> lines, Action action) {
    switch (action) {
      case WIN -> opportunity.win(null, null, "signed", lines, NOW);
      case LOSE_CANCELED -> opportunity.lose(OpportunityStatusReason.CANCELED, null, null, null, NOW);
      case LOSE_OUT_SOLD -> opportunity.lose(OpportunityStatusReason.OUT_SOLD, "Rival Ltd", null, null, NOW);
      case LOSE_AS_WON -> opportunity.lose(OpportunityStatusReason.WON, null, null, null, NOW);
      case LOSE_AS_IN_PROGRESS -> opportunity.lose(OpportunityStatusReason.IN_PROGRESS, null, null, null, NOW);
      case REOPEN -> opportunity.reopen(NOW);
      case PUT_ON_HOLD -> opportunity.putOnHold(NOW);
      case RESUME -> opportunity.resume(NOW);
    }
  }

  private static void holdsTheInvariants(Opportunity opportunity) {
    assertThat(opportunity.state()).isEqualTo(opportunity.statusReason().state());
    boolean closed = opportunity.state() != OpportunityState.OPEN;
    assertThat(opportunity.actualCloseDate() != null).as("a close date exactly when closed").isEqualTo(closed);
    assertThat(opportunity.closedAt() != null).as("closed at exactly when closed").isEqualTo(closed);
    assertThat(opportunity.actualRevenue() != null).as("revenue exactly when won")
        .isEqualTo(opportunity.state() == OpportunityState.WON);
    assertThat(opportunity.competitor() == null || opportunity.statusReason() == OpportunityStatusReason.OUT_SOLD)
        .as("a competitor only on an out-sold opportunity").isTrue();
    assertThat(opportunity.estimatedValue()).as("the estimate is never touched by the lifecycle").isEqualTo(Money.parse("900.00", "EUR"));
  }

  private static Opportunity.Opened open() {
    return Opportunity.open(
        new Opportunity.Draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Engines", "seller-1",
            List.of(new OpportunityLine.Draft("Seat", new BigDecimal("20"), Money.parse("45.00", "EUR"))), null, null, null),
        null, null, NOW);
  }

  private record Snapshot(OpportunityStatusReason reason, Money revenue, Object closeDate, String competitor, String note, Instant closedAt) {
    static Snapshot of(Opportunity opportunity) {
      return new Snapshot(opportunity.statusReason(), opportunity.actualRevenue(), opportunity.actualCloseDate(), opportunity.competitor(),
          opportunity.closeNote(), opportunity.closedAt());
    }
  }
}
