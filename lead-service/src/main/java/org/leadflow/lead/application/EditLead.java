package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.lead.domain.Lead;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Edits an Open lead; the changed fields go to its history and {@code leadflow.lead.updated.v1}. Only
 * a sales manager reassigns a lead to another owner. A change of what is known about the lead is
 * refused when a duplicate rule set to block finds other leads the caller may see.
 */
@ApplicationScoped
public class EditLead implements CommandHandler<EditLead.Command, EditLead.Edited> {

  /**
   * @param edit the new values, computed from the lead as it is in the transaction (a merge patch
   *     applies to what is there now)
   */
  public record Command(UUID leadId, Optional<Long> expectedVersion, Function<Lead, LeadEdit> edit, Caller caller) {}

  /** @param possibleDuplicates how many leads the caller may see a warning rule found; null when the edit changed nothing the rules compare */
  public record Edited(Lead lead, Integer possibleDuplicates) {}

  @Inject LeadChanges changes;
  @Inject DuplicateLeads duplicates;

  @Override
  public Uni<Edited> handle(Command command) {
    Caller caller = command.caller();
    return changes
        .find(command.leadId(), command.expectedVersion(), caller)
        .chain(lead -> {
          LeadEdit values = command.edit().apply(lead);
          if (!Objects.equals(values.ownerId(), lead.ownerId()) && !caller.seesEveryOwner()) {
            throw new ActionForbiddenException("Only a sales manager may reassign a lead to another owner");
          }
          Uni<Integer> checked =
              DuplicateLeads.comparedFieldsChanged(lead.details(), values.details())
                  ? duplicates.check(lead.id(), values.details(), caller).map(List::size)
                  : Uni.createFrom().nullItem();
          return checked.chain(found -> changes
              .record(lead, lead.update(values.details(), values.qualification(), values.ownerId(), LeadChanges.actorOf(caller), changes.now()))
              .map(edited -> new Edited(edited, found)));
        });
  }
}
