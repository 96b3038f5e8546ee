package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.assignment.Assignment;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Captures a new lead (Open/New), owned by the caller unless the edit names another owner, which only
 * those who assign owners may do; a lead an integration (an import, a web form) sends without an owner
 * is given to a seller by the assignment rules, or else owned by the integration. Publishes {@code
 * leadflow.lead.created.v1}. Refused when a duplicate rule set to block finds leads the caller may see.
 */
@ApplicationScoped
public class CreateLead implements CommandHandler<CreateLead.Command, CreateLead.Created> {

  public record Command(LeadEdit edit, Caller caller) {}

  /** @param possibleDuplicates how many leads the caller may see a warning rule found */
  public record Created(Lead lead, int possibleDuplicates) {}

  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject DuplicateLeads duplicates;
  @Inject AssignLeads assignments;

  @Override
  public Uni<Created> handle(Command command) {
    Caller caller = command.caller();
    LeadEdit edit = command.edit();
    if (edit.ownerId() != null && !edit.ownerId().equals(caller.id()) && !caller.mayAssignOwners()) {
      throw new ActionForbiddenException("Only a sales manager or an integration may create a lead for another owner");
    }
    Uni<Optional<Assignment>> assigned =
        edit.ownerId() == null && caller.isServiceAccount() ? assignments.assign(edit.details()) : Uni.createFrom().item(Optional.empty());
    return assigned.chain(assignment -> {
      String owner = assignment.map(Assignment::ownerId).orElse(edit.ownerId() == null ? caller.id() : edit.ownerId());
      Actor actor = LeadChanges.actorOf(caller);
      Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, changes.now());
      return duplicates
          .check(null, lead.details(), caller)
          .chain(found -> changes
              .measured(lead)
              .chain(leads::persist)
              .chain(() -> changes.record(lead, List.of(LeadEvent.Captured.of(lead, actor, assignment.orElse(null)))))
              .map(created -> new Created(created, found.size())));
    });
  }
}
