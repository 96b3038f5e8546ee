package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.Nurture;
import org.leadflow.lead.persistence.NurtureQueue;

/**
 * Reactivates a batch of disqualified leads whose nurture date has come, as the system ({@link
 * Nurture}): each with its history entry and {@code leadflow.lead.reactivated.v1} ({@code cause}
 * {@code nurture-ended}), all in the command's transaction. The leads are claimed with {@code FOR
 * UPDATE SKIP LOCKED} ({@link NurtureQueue}), so that instances running at once reactivate each lead
 * once; the lead's version makes the update conditional besides.
 */
@ApplicationScoped
public class ReactivateNurturedLeads implements CommandHandler<ReactivateNurturedLeads.Command, Integer> {

  /** @param today the day in UTC by the service's clock; leads nurtured until then or earlier are due */
  public record Command(LocalDate today, int batchSize) {}

  @Inject NurtureQueue queue;
  @Inject LeadChanges changes;

  /** @return how many leads were claimed (reactivated, unless a lead turned out not to be due) */
  @Override
  public Uni<Integer> handle(Command command) {
    return queue
        .claimDue(command.today(), command.batchSize())
        .call(claimed -> reactivateEach(claimed, command.today()))
        .map(List::size);
  }

  private Uni<Void> reactivateEach(List<Lead> leads, LocalDate today) {
    Uni<Void> done = Uni.createFrom().voidItem();
    for (Lead lead : leads) {
      done = done.chain(() -> changes.record(lead, Nurture.ended(lead, today, changes.now()))).replaceWithVoid();
    }
    return done;
  }
}
