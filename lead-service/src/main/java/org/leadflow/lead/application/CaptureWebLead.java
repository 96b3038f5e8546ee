package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.TimeOrderedIds;
import org.leadflow.lead.domain.assignment.Assignment;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.lead.persistence.WebForms;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * A web form's submission, once admitted ({@link AdmitWebSubmission}) and read: a bot's (the honeypot
 * filled) is only counted; any other becomes a lead with source Web, owned by the form's owner or
 * given by the assignment rules, checked by the duplicate rules against every owner's leads (a rule
 * set to block refuses it, counted, with the same answer to the visitor), its history naming the form
 * ("Web form <name>"), and the consents the visitor gave recorded with time, form and address.
 */
@ApplicationScoped
public class CaptureWebLead implements CommandHandler<CaptureWebLead.Command, CaptureWebLead.Outcome> {

  /** @param edit the lead as the form's fields make it; null for a bot's submission */
  public record Command(AdmitWebSubmission.Admitted form, boolean caughtByHoneypot, LeadEdit edit, Map<String, String> consents, String clientAddress) {}

  /** What became of a submission; the visitor gets the same answer whatever it is. */
  public record Outcome(UUID leadId, boolean caughtByHoneypot, boolean refusedAsDuplicate) {}

  @Inject WebForms forms;
  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject DuplicateLeads duplicates;
  @Inject AssignLeads assignments;

  /** The form as the actor of its leads' history, e.g. {@code web-form:<id>} "Web form Contact us". */
  public static Actor actorOf(AdmitWebSubmission.Admitted form) {
    return new Actor("web-form:" + form.formId(), "Web form " + form.name(), Actor.Channel.IMPORT);
  }

  @Override
  public Uni<Outcome> handle(Command command) {
    UUID formId = command.form().formId();
    if (command.caughtByHoneypot()) {
      return forms.count(formId, WebForms.Tally.HONEYPOT_CAUGHT).replaceWith(new Outcome(null, true, false));
    }
    LeadEdit edit = command.edit();
    Actor actor = actorOf(command.form());
    // The duplicate rules look at every owner's leads: the visitor learns nothing of what they find.
    Caller everyOwner = new Caller(actor.id(), actor.name(), Set.of(Roles.SALES_MANAGER));
    Uni<Optional<Assignment>> assigned = edit.ownerId() == null ? assignments.assign(edit.details()) : Uni.createFrom().item(Optional.empty());
    return assigned
        .chain(assignment -> {
          String owner = assignment.map(Assignment::ownerId).orElse(edit.ownerId() == null ? actor.id() : edit.ownerId());
          Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, changes.now());
          return duplicates
              .check(null, lead.details(), everyOwner)
              .chain(found -> changes.measured(lead))
              .chain(leads::persist)
              .chain(() -> changes.record(lead, List.of(LeadEvent.Captured.of(lead, actor, assignment.orElse(null)))))
              .chain(created -> recordConsents(command, created.id(), created.createdAt()))
              .chain(() -> forms.count(formId, WebForms.Tally.LEADS_CREATED))
              .replaceWith(new Outcome(lead.id(), false, false));
        })
        .onFailure(DuplicateLeads.DuplicateLeadsException.class)
        .recoverWithUni(() -> forms.count(formId, WebForms.Tally.DUPLICATES_REFUSED).replaceWith(new Outcome(null, false, true)));
  }

  private Uni<Void> recordConsents(Command command, UUID leadId, Instant at) {
    Uni<Void> recorded = Uni.createFrom().voidItem();
    for (Map.Entry<String, String> consent : command.consents().entrySet()) {
      recorded = recorded.chain(() -> forms
          .recordConsent(TimeOrderedIds.next(), command.form().formId(), leadId, consent.getKey(), consent.getValue(), command.clientAddress(), at)
          .replaceWithVoid());
    }
    return recorded;
  }
}
