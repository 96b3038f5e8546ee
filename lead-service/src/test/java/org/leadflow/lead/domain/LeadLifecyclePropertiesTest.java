package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.policy.QualificationCheck;

/**
 * The lead's state machine and its conversion under generated sequences of actions, checked against
 * a model of the design's transitions (docs/architecture.md, The lead): an action the model refuses
 * is refused and changes nothing, one it allows reports what happened, and no sequence reaches a
 * state the design forbids (a Qualified lead that is not final, a conversion without a qualify, a
 * completed conversion that becomes pending or failed again).
 */
class LeadLifecyclePropertiesTest {

  private static final Actor SELLER = new Actor("seller-1", Actor.Channel.USER);
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  enum Action {
    MARK_CONTACTED, DISQUALIFY_LOST, DISQUALIFY_CANNOT_CONTACT, DISQUALIFY_AS_NEW, REACTIVATE, QUALIFY,
    CONVERSION_COMPLETED, CONVERSION_FAILED, STALE_CONVERSION_COMPLETED, RETRY_CONVERSION
  }

  /** What the design says a lead is after each action: its status and its conversion's. */
  private record Model(StatusReason status, ConversionStatus conversion) {

    /** The state after {@code action}; {@code this} when the action is answered with nothing; null when refused. */
    Model after(Action action) {
      boolean open = status.state() == LeadState.OPEN;
      return switch (action) {
        case MARK_CONTACTED -> status == StatusReason.NEW ? new Model(StatusReason.CONTACTED, conversion) : null;
        case DISQUALIFY_LOST -> open ? new Model(StatusReason.LOST, conversion) : null;
        case DISQUALIFY_CANNOT_CONTACT -> open ? new Model(StatusReason.CANNOT_CONTACT, conversion) : null;
        case DISQUALIFY_AS_NEW -> null; // not a reason to disqualify
        case REACTIVATE -> status.state() == LeadState.DISQUALIFIED ? new Model(StatusReason.NEW, conversion) : null;
        case QUALIFY -> open ? new Model(StatusReason.QUALIFIED, ConversionStatus.PENDING) : null;
        case CONVERSION_COMPLETED ->
            conversion != null && conversion != ConversionStatus.COMPLETED ? new Model(status, ConversionStatus.COMPLETED) : this;
        case CONVERSION_FAILED -> conversion == ConversionStatus.PENDING ? new Model(status, ConversionStatus.FAILED) : this;
        case STALE_CONVERSION_COMPLETED -> this;
        case RETRY_CONVERSION -> conversion == ConversionStatus.FAILED ? new Model(status, ConversionStatus.PENDING) : null;
      };
    }
  }

  @Test
  void noSequenceOfActionsReachesAStateTheDesignForbids() {
    qt().withExamples(1000).forAll(lists().of(arbitrary().enumValues(Action.class)).ofSizeBetween(1, 40)).checkAssert(actions -> {
      Lead lead = Lead.capture(details(), Qualification.EMPTY, "seller-1", SELLER, NOW);
      Model model = new Model(StatusReason.NEW, null);
      for (Action action : actions) {
        Model next = model.after(action);
        if (next == null) {
          Model before = observed(lead);
          assertThatThrownBy(() -> act(lead, action)).as("%s from %s", action, before).isInstanceOfAny(
              TransitionNotAllowedException.class, IllegalArgumentException.class, ConversionNotRetryableException.class);
          assertThat(observed(lead)).as("refused %s changes nothing", action).isEqualTo(before);
        } else {
          List<LeadEvent> events = act(lead, action);
          assertThat(events.isEmpty()).as("%s is reported exactly when it changes the lead", action).isEqualTo(next.equals(model));
          model = next;
        }
        assertThat(observed(lead)).as("after %s", actions).isEqualTo(model);
        assertThat(lead.state()).isEqualTo(lead.statusReason().state());
        assertThat(lead.conversion() != null).as("a conversion exactly when qualified").isEqualTo(lead.state() == LeadState.QUALIFIED);
      }
    });
  }

  @Test
  void qualifiedAndACompletedConversionAreFinal() {
    qt().withExamples(500).forAll(lists().of(arbitrary().enumValues(Action.class)).ofSizeBetween(0, 30)).checkAssert(actions -> {
      Lead lead = Lead.capture(details(), Qualification.EMPTY, "seller-1", SELLER, NOW);
      act(lead, Action.QUALIFY);
      act(lead, Action.CONVERSION_COMPLETED);
      UUID opportunity = lead.conversion().opportunityId();
      for (Action action : actions) {
        try {
          act(lead, action);
        } catch (TransitionNotAllowedException | IllegalArgumentException | ConversionNotRetryableException refused) {
          // refused, as it must be
        }
        assertThat(lead.statusReason()).isEqualTo(StatusReason.QUALIFIED);
        assertThat(lead.conversion().status()).isEqualTo(ConversionStatus.COMPLETED);
        assertThat(lead.conversion().opportunityId()).isEqualTo(opportunity);
      }
    });
  }

  private static Model observed(Lead lead) {
    return new Model(lead.statusReason(), lead.conversion() == null ? null : lead.conversion().status());
  }

  private static List<LeadEvent> act(Lead lead, Action action) {
    return switch (action) {
      case MARK_CONTACTED -> lead.markContacted(SELLER, NOW);
      case DISQUALIFY_LOST -> lead.disqualify(StatusReason.LOST, null, null, Optional::empty, SELLER, NOW);
      case DISQUALIFY_CANNOT_CONTACT -> lead.disqualify(StatusReason.CANNOT_CONTACT, null, null, Optional::empty, SELLER, NOW);
      case DISQUALIFY_AS_NEW -> lead.disqualify(StatusReason.NEW, null, null, Optional::empty, SELLER, NOW);
      case REACTIVATE -> lead.reactivate(null, null, SELLER, NOW);
      case QUALIFY -> lead.qualify(ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead), "{}",
          () -> new QualificationCheck(1, 100, null, null, null, null), SELLER, NOW);
      case CONVERSION_COMPLETED -> lead.conversion() == null ? List.of()
          : lead.conversionCompleted(lead.conversion().id(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SELLER, NOW);
      case CONVERSION_FAILED -> lead.conversion() == null ? List.of()
          : lead.conversionFailed(lead.conversion().id(), "INVALID_OPPORTUNITY", "refused", SELLER, NOW);
      case STALE_CONVERSION_COMPLETED ->
          lead.conversionCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SELLER, NOW);
      case RETRY_CONVERSION -> lead.retryConversion(ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead), "{}", SELLER, NOW);
    };
  }

  private static LeadDetails details() {
    return new LeadDetails(
        "Ada", "Lovelace", "Analytical Engines Ltd", "Engineer", "ada@engines.example", "+442079460123",
        null, LeadSource.TRADE_SHOW, "Manufacturing", 250, new Money(new BigDecimal("1000000"), "GBP"), "GB",
        "London", null, Map.of());
  }
}
