package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.OpportunityDraftPolicy;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.security.Caller;

/**
 * Requests a failed conversion again ({@code leadflow.lead.qualified.v1} with a new conversion id),
 * with corrected options or, without any, with those it was first asked with, checked again: they may
 * predate a rule opportunity-service applies.
 */
@ApplicationScoped
public class RetryConversion implements CommandHandler<RetryConversion.Command, Lead> {

  /**
   * @param options the corrected options, or null to ask again as first asked
   * @param request the corrected request as received (JSON), or null
   */
  public record Command(
      UUID leadId, Optional<Long> expectedVersion, ConversionRequest options, String request, Caller caller) {}

  @Inject LeadChanges changes;
  @Inject StoredConversionRequests stored;

  @Override
  public Uni<Lead> handle(Command command) {
    return changes.change(command.leadId(), command.expectedVersion(), command.caller(), lead -> {
      ConversionPlan plan = ConversionPlan.forLead(command.options() != null ? command.options() : asFirstAsked(lead), lead);
      String request = command.request() != null ? command.request() : lead.conversionRequest();
      return lead.retryConversion(plan, request, LeadChanges.actorOf(command.caller()), changes.now());
    });
  }

  private ConversionRequest asFirstAsked(Lead lead) {
    ConversionRequest request = stored.read(lead.conversionRequest());
    List<OpportunityDraftPolicy.Violation> violations = request.violations();
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }
    return request;
  }
}
