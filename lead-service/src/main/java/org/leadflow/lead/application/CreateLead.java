package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Captures a new lead (Open/New), owned by the caller unless the edit names another owner, which only
 * those who assign owners may do; publishes {@code leadflow.lead.created.v1}. Refused when a duplicate
 * rule set to block finds leads the caller may see.
 */
@ApplicationScoped
public class CreateLead implements CommandHandler<CreateLead.Command, CreateLead.Created> {

  public record Command(LeadEdit edit, Caller caller) {}

  /** @param possibleDuplicates how many leads the caller may see a warning rule found */
  public record Created(Lead lead, int possibleDuplicates) {}

  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject DuplicateLeads duplicates;

  @Override
  public Uni<Created> handle(Command command) {
    Caller caller = command.caller();
    LeadEdit edit = command.edit();
    String owner = edit.ownerId() == null ? caller.id() : edit.ownerId();
    if (!owner.equals(caller.id()) && !caller.mayAssignOwners()) {
      throw new ActionForbiddenException("Only a sales manager or an integration may create a lead for another owner");
    }
    Actor actor = LeadChanges.actorOf(caller);
    Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, changes.now());
    return duplicates
        .check(null, lead.details(), caller)
        .chain(found -> changes
            .measured(lead)
            .chain(leads::persist)
            .chain(() -> changes.record(lead, List.of(LeadEvent.Captured.of(lead, actor))))
            .map(created -> new Created(created, found.size())));
  }
}
