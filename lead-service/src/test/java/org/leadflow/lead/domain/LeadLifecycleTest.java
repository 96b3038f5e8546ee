package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lead's state machine, every status reason against every action. */
class LeadLifecycleTest {

  private static final Set<StatusReason> OPEN = EnumSet.of(StatusReason.NEW, StatusReason.CONTACTED);
  private static final Set<StatusReason> DISQUALIFIED =
      EnumSet.of(StatusReason.LOST, StatusReason.CANNOT_CONTACT, StatusReason.NO_LONGER_INTERESTED, StatusReason.CANCELED);

  /** The whole table: for each status and action, the resulting status, or absent when refused. */
  private static final Map<LeadAction, UnaryOperator<StatusReason>> TRANSITIONS =
      Map.of(
          LeadAction.MARK_CONTACTED, LeadLifecycle::markContacted,
          LeadAction.DISQUALIFY, current -> LeadLifecycle.disqualify(current, StatusReason.LOST),
          LeadAction.REACTIVATE, LeadLifecycle::reactivate,
          LeadAction.QUALIFY, LeadLifecycle::qualify,
          LeadAction.LOG_ACTIVITY, LeadLifecycle::afterCompletedOutreach,
          LeadAction.UPDATE, current -> {
            LeadLifecycle.require(current, LeadAction.UPDATE);
            return current;
          },
          LeadAction.MERGE_AWAY, LeadLifecycle::mergeAway,
          LeadAction.MERGE_IN, current -> {
            LeadLifecycle.require(current, LeadAction.MERGE_IN);
            return current;
          });

  private static StatusReason expected(StatusReason current, LeadAction action) {
    return switch (action) {
      case MARK_CONTACTED -> current == StatusReason.NEW ? StatusReason.CONTACTED : null;
      case DISQUALIFY -> OPEN.contains(current) ? StatusReason.LOST : null;
      case REACTIVATE -> DISQUALIFIED.contains(current) ? StatusReason.NEW : null;
      case QUALIFY -> OPEN.contains(current) ? StatusReason.QUALIFIED : null;
      case LOG_ACTIVITY ->
          current == StatusReason.NEW
              ? StatusReason.CONTACTED
              : current == StatusReason.QUALIFIED || current == StatusReason.MERGED ? null : current;
      case UPDATE, MERGE_IN -> OPEN.contains(current) ? current : null;
      case MERGE_AWAY -> OPEN.contains(current) || DISQUALIFIED.contains(current) ? StatusReason.MERGED : null;
    };
  }

  @ParameterizedTest(name = "from {0}")
  @EnumSource(StatusReason.class)
  void everyActionFromEveryStatusEitherMovesAsDesignedOrIsRefusedWithTheStateAndActionNamed(StatusReason current) {
    for (LeadAction action : LeadAction.values()) {
      StatusReason expected = expected(current, action);
      assertThat(LeadLifecycle.allows(current, action)).as("%s allows %s", current, action).isEqualTo(expected != null);
      UnaryOperator<StatusReason> transition = TRANSITIONS.get(action);
      if (expected != null) {
        assertThat(transition.apply(current)).as("%s after %s", current, action).isEqualTo(expected);
      } else {
        assertThatThrownBy(() -> transition.apply(current))
            .as("%s refuses %s", current, action)
            .isInstanceOfSatisfying(
                TransitionNotAllowedException.class,
                refused -> {
                  assertThat(refused.current()).isEqualTo(current);
                  assertThat(refused.action()).isEqualTo(action);
                  assertThat(refused.getMessage()).contains(current.state().label()).contains(action.label());
                });
      }
    }
  }

  @Test
  void theTableCoversEveryAction() {
    assertThat(TRANSITIONS).containsOnlyKeys(LeadAction.values());
  }

  @ParameterizedTest
  @EnumSource(value = StatusReason.class, names = {"LOST", "CANNOT_CONTACT", "NO_LONGER_INTERESTED", "CANCELED"})
  void anOpenLeadCanBeDisqualifiedForEachDisqualificationReason(StatusReason reason) {
    assertThat(LeadLifecycle.disqualify(StatusReason.CONTACTED, reason)).isEqualTo(reason);
    assertThat(reason.state()).isEqualTo(LeadState.DISQUALIFIED);
  }

  @ParameterizedTest
  @EnumSource(value = StatusReason.class, names = {"NEW", "CONTACTED", "QUALIFIED"})
  void anOpenOrQualifiedStatusIsNoReasonToDisqualify(StatusReason notAReason) {
    assertThatThrownBy(() -> LeadLifecycle.disqualify(StatusReason.NEW, notAReason))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notAReason.label());
  }

  @Test
  void qualifiedIsFinal() {
    for (LeadAction action : LeadAction.values()) {
      assertThat(LeadLifecycle.allows(StatusReason.QUALIFIED, action)).as(action.name()).isFalse();
    }
    assertThatThrownBy(() -> LeadLifecycle.reactivate(StatusReason.QUALIFIED))
        .hasMessageContaining("Qualified is final");
  }

  @Test
  void statusReasonsCarryDynamicsCodesAndStatesAndMergedACodeOfItsOwn() {
    assertThat(StatusReason.values())
        .extracting(StatusReason::code)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(StatusReason.fromLabel("Merged")).isEqualTo(StatusReason.MERGED);
    assertThat(StatusReason.MERGED.state()).isEqualTo(LeadState.DISQUALIFIED);
    assertThat(LeadLifecycle.DISQUALIFICATION_REASONS).doesNotContain(StatusReason.MERGED);
    assertThat(StatusReason.fromLabel("Cannot Contact")).isEqualTo(StatusReason.CANNOT_CONTACT);
    assertThat(StatusReason.NEW.state()).isEqualTo(LeadState.OPEN);
    assertThat(StatusReason.QUALIFIED.state()).isEqualTo(LeadState.QUALIFIED);
  }
}
