package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Captures a new lead (Open/New), owned by the caller unless the edit names another owner, which only
 * those who assign owners may do; publishes {@code leadflow.lead.created.v1}.
 */
@ApplicationScoped
public class CreateLead implements CommandHandler<CreateLead.Command, Lead> {

  public record Command(LeadEdit edit, Caller caller) {}

  @Inject LeadRepository leads;
  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    Caller caller = command.caller();
    LeadEdit edit = command.edit();
    String owner = edit.ownerId() == null ? caller.id() : edit.ownerId();
    if (!owner.equals(caller.id()) && !caller.mayAssignOwners()) {
      throw new ActionForbiddenException("Only a sales manager or an integration may create a lead for another owner");
    }
    Actor actor = LeadChanges.actorOf(caller);
    Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, changes.now());
    return leads.persist(lead).chain(() -> changes.record(lead, List.of(lead.captured(actor))));
  }
}
