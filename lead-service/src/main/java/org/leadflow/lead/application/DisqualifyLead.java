package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * Open → Disqualified with the reason as status reason; publishes {@code leadflow.lead.disqualified.v1}.
 * Cannot Contact passes the qualification policy's guard ({@link CannotContactPolicy#checkDisqualification}):
 * refused before the policy's minimum of outreach attempts, unless a sales manager overrides it with a
 * justification, which the history and the event keep.
 */
@ApplicationScoped
public class DisqualifyLead implements CommandHandler<DisqualifyLead.Command, Lead> {

  /** @param overrideJustification a sales manager's reason to disqualify as Cannot Contact before the guard allows it; null for none */
  public record Command(
      UUID leadId,
      Optional<Long> expectedVersion,
      StatusReason reason,
      String note,
      LocalDate nurtureUntil,
      String overrideJustification,
      Caller caller) {}

  @Inject LeadChanges changes;
  @Inject PolicyVersionsInForce policies;
  @Inject ActivityRepository activities;

  @Override
  public Uni<Lead> handle(Command command) {
    if (command.reason() != StatusReason.CANNOT_CONTACT) {
      return disqualify(command, null, List.of());
    }
    // Read before the lead, as the qualify gate does: reading the policy may save its first version.
    return policies
        .currentOrStart(changes.now())
        .chain(policy -> activities.outreach(command.leadId()).chain(attempts -> disqualify(command, policy, attempts)));
  }

  private Uni<Lead> disqualify(Command command, PublishedPolicy policy, List<CannotContactPolicy.Attempt> outreach) {
    Caller caller = command.caller();
    int attempts = (int) outreach.stream().filter(attempt -> CannotContactPolicy.isAttempt(attempt.outcome())).count();
    return changes.change(
        command.leadId(),
        command.expectedVersion(),
        caller,
        lead ->
            lead.disqualify(
                command.reason(),
                command.note(),
                command.nurtureUntil(),
                () ->
                    policy == null
                        ? Optional.empty()
                        : policy.policy().cannotContact().checkDisqualification(
                            attempts, command.overrideJustification(), caller.id(), caller.name(), caller.has(Roles.SALES_MANAGER), policy.version()),
                LeadChanges.actorOf(caller),
                changes.now()));
  }
}
