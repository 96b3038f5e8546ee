package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.lead.domain.Lead;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Edits an Open lead; the changed fields go to its history and {@code leadflow.lead.updated.v1}. Only
 * a sales manager reassigns a lead to another owner.
 */
@ApplicationScoped
public class EditLead implements CommandHandler<EditLead.Command, Lead> {

  /**
   * @param edit the new values, computed from the lead as it is in the transaction (a merge patch
   *     applies to what is there now)
   */
  public record Command(UUID leadId, Optional<Long> expectedVersion, Function<Lead, LeadEdit> edit, Caller caller) {}

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    Caller caller = command.caller();
    return changes.change(command.leadId(), command.expectedVersion(), caller, lead -> {
      LeadEdit values = command.edit().apply(lead);
      if (!Objects.equals(values.ownerId(), lead.ownerId()) && !caller.seesEveryOwner()) {
        throw new ActionForbiddenException("Only a sales manager may reassign a lead to another owner");
      }
      return lead.update(values.details(), values.qualification(), values.ownerId(), LeadChanges.actorOf(caller), changes.now());
    });
  }
}
