package org.leadflow.lead.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.assignment.Assignment;
import org.leadflow.lead.domain.assignment.AssignmentRule;
import org.leadflow.lead.domain.assignment.AssignmentRuleSet;
import org.leadflow.lead.persistence.AssignmentRules;

/**
 * Gives a new lead that arrives without an owner (an import, a web form, an integration) to a seller
 * by the assignment rules: the first rule that takes it chooses among its team.
 */
@ApplicationScoped
public class AssignLeads {

  @Inject AssignmentRules rules;

  /** In the command's transaction: the assignment, or empty when no rule takes the lead. */
  Uni<Optional<Assignment>> assign(LeadDetails lead) {
    return rules.all().chain(saved -> assign(saved, lead));
  }

  /**
   * In the command's transaction: the assignment of each lead, in order (the rules read once, turns
   * taken one lead after the other), or empty for a lead no rule takes.
   */
  Uni<List<Optional<Assignment>>> assignEach(List<LeadDetails> leads) {
    if (leads.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    // One lead after the other (a round-robin turn each), without nesting one Uni per lead.
    return rules.all().chain(saved -> Multi.createFrom()
        .iterable(leads)
        .onItem()
        .transformToUniAndConcatenate(lead -> assign(saved, lead))
        .collect()
        .asList());
  }

  private Uni<Optional<Assignment>> assign(AssignmentRuleSet saved, LeadDetails lead) {
    return saved.rules().stream()
        .filter(rule -> rule.takes(lead))
        .findFirst()
        .map(rule -> owner(rule).map(owner -> Optional.of(new Assignment(rule.id(), rule.name(), rule.distribution(), owner))))
        .orElse(Uni.createFrom().item(Optional.empty()));
  }

  private Uni<String> owner(AssignmentRule rule) {
    return switch (rule.distribution()) {
      case ROUND_ROBIN -> rules.takeTurn(rule.id()).map(rule::inTurn);
      case LEAST_LOADED -> rules
          .openLeads(rule.team())
          .map(counts -> rule.team().stream().min(Comparator.comparingLong(member -> counts.getOrDefault(member, 0L))).orElseThrow());
    };
  }
}
