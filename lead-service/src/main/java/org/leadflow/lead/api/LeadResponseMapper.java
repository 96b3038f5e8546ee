package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Function;
import org.leadflow.lead.domain.BudgetStatus;
import org.leadflow.lead.domain.Capture;
import org.leadflow.lead.domain.Conversion;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.NeedLevel;
import org.leadflow.lead.domain.OpportunityOutcome;
import org.leadflow.lead.domain.PurchaseProcess;
import org.leadflow.lead.domain.PurchaseTimeframe;
import org.leadflow.lead.domain.Qualification;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;
import org.leadflow.lead.domain.policy.MeasuredReadiness;

/** A lead as the API shows it, mapped explicitly from the domain. */
@ApplicationScoped
public class LeadResponseMapper {

  public LeadResponse toResponse(Lead lead) {
    return toResponse(lead, null);
  }

  /** @param enrichment what enrichment found out about the lead, or null (not enriched yet, or not read for this answer) */
  public LeadResponse toResponse(Lead lead, LeadEnrichment enrichment) {
    LeadDetails details = lead.details();
    Qualification q = lead.qualification();
    return new LeadResponse(
        lead.id(),
        details.firstName(),
        details.lastName(),
        details.companyName(),
        details.jobTitle(),
        details.email(),
        details.phone(),
        details.website(),
        labelOf(details.source(), LeadSource::label),
        details.industry(),
        details.numberOfEmployees(),
        toDto(details.annualRevenue()),
        details.country(),
        details.city(),
        lead.ownerId(),
        details.description(),
        details.attributes(),
        new QualificationResponse(
            new QualificationResponse.Budget(
                toDto(q.budget().amount()),
                labelOf(q.budget().status(), BudgetStatus::label),
                q.budget().note(),
                by(q.budget().captured()),
                at(q.budget().captured())),
            new QualificationResponse.Authority(
                q.authority().decisionMaker(),
                labelOf(q.authority().purchaseProcess(), PurchaseProcess::label),
                q.authority().note(),
                by(q.authority().captured()),
                at(q.authority().captured())),
            new QualificationResponse.Need(
                labelOf(q.need().level(), NeedLevel::label), q.need().note(), by(q.need().captured()), at(q.need().captured())),
            new QualificationResponse.Timeline(
                labelOf(q.timeline().purchaseTimeframe(), PurchaseTimeframe::label),
                q.timeline().note(),
                by(q.timeline().captured()),
                at(q.timeline().captured())),
            new QualificationResponse.Fit(q.fit().note(), by(q.fit().captured()), at(q.fit().captured()))),
        lead.state().label(),
        lead.statusReason().label(),
        lead.statusReason().code(),
        lead.nurtureUntil(),
        toResponse(lead.conversion()),
        toResponse(lead.opportunityOutcome()),
        toResponse(lead.readiness()),
        ContactabilityResponse.of(lead.contactability()),
        enrichment == null ? null : EnrichmentMapper.toResponse(enrichment),
        lead.createdAt(),
        lead.updatedAt(),
        lead.version());
  }

  static OpportunityOutcomeResponse toResponse(OpportunityOutcome outcome) {
    return outcome == null
        ? null
        : new OpportunityOutcomeResponse(
            outcome.result(),
            outcome.statusReason(),
            outcome.opportunityId(),
            toDto(outcome.actualRevenue()),
            outcome.competitor(),
            outcome.closeDate(),
            outcome.recordedAt());
  }

  static LeadReadinessSummary toResponse(MeasuredReadiness readiness) {
    return readiness == null || readiness.score() == null
        ? null
        : new LeadReadinessSummary(readiness.score(), readiness.fit().label(), readiness.requiredMet(), readiness.policyVersion());
  }

  static ConversionResponse toResponse(Conversion conversion) {
    return conversion == null
        ? null
        : new ConversionResponse(
            conversion.id(),
            conversion.status().label(),
            conversion.opportunityId(),
            conversion.accountId(),
            conversion.contactId(),
            conversion.failureReason(),
            conversion.failureDetail(),
            conversion.requestedAt(),
            conversion.resolvedAt());
  }

  static MoneyDto toDto(Money money) {
    return money == null ? null : new MoneyDto(money.decimalAmount(), money.currency());
  }

  private static <E> String labelOf(E value, Function<E, String> label) {
    return value == null ? null : label.apply(value);
  }

  private static String by(Capture capture) {
    return capture == null ? null : capture.by();
  }

  private static Instant at(Capture capture) {
    return capture == null ? null : capture.at();
  }
}
