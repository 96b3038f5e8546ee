package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.leadflow.lead.domain.assignment.AssignmentRule;
import org.leadflow.lead.domain.assignment.AssignmentRuleSet;
import org.leadflow.lead.persistence.AssignmentRules;
import org.leadflow.web.security.Caller;

/** The assignment rules: everyone reads them, admins replace the whole ordered list. */
@ApplicationScoped
public class AssignmentRuleSettings {

  @Inject AssignmentRules rules;
  @Inject Clock clock;

  public Uni<AssignmentRuleSet> current() {
    return Panache.withSession(rules::all);
  }

  /** Replaces every rule, in order; each round-robin team starts again with its first member. */
  public Uni<AssignmentRuleSet> replace(List<AssignmentRule> ordered, Caller caller) {
    return Panache.withTransaction(() -> rules.replace(ordered, caller.id(), caller.name(), clock.instant()).chain(rules::all));
  }
}
