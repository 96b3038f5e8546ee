package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;

/**
 * opportunity-service's answer to a conversion, onto the lead: completed with the records made (or
 * reused), or failed with the reason. An answer about an earlier conversion changes nothing. Run by
 * the {@code opportunity-events} consumer, in the transaction of its inbox.
 */
@ApplicationScoped
public class RecordConversionOutcome implements CommandHandler<RecordConversionOutcome.Command, Lead> {

  /** Who changes a lead when opportunity-service answers its conversion. */
  private static final Actor OPPORTUNITY_SERVICE = Actor.system("opportunity-service");

  /** An answer: a completed conversion with its records, or a failed one with its reason. */
  public record Command(
      boolean completed,
      UUID leadId,
      UUID conversionId,
      UUID opportunityId,
      UUID accountId,
      UUID contactId,
      String failureReason,
      String failureDetail) {

    public static Command completed(UUID leadId, UUID conversionId, UUID opportunityId, UUID accountId, UUID contactId) {
      return new Command(true, leadId, conversionId, opportunityId, accountId, contactId, null, null);
    }

    public static Command failed(UUID leadId, UUID conversionId, String reason, String detail) {
      return new Command(false, leadId, conversionId, null, null, null, reason, detail);
    }
  }

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command answer) {
    return changes.change(answer.leadId(), Optional.empty(), null, lead -> answer.completed()
        ? lead.conversionCompleted(
            answer.conversionId(), answer.opportunityId(), answer.accountId(), answer.contactId(), OPPORTUNITY_SERVICE, changes.now())
        : lead.conversionFailed(answer.conversionId(), answer.failureReason(), answer.failureDetail(), OPPORTUNITY_SERVICE, changes.now()));
  }
}
