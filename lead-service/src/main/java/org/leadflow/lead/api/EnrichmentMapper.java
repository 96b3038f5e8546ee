package org.leadflow.lead.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leadflow.lead.domain.enrichment.EnrichedValue;
import org.leadflow.lead.domain.enrichment.Enrichers;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;

/** A lead's enrichment as the API shows it. */
final class EnrichmentMapper {

  private EnrichmentMapper() {}

  static EnrichmentResponse toResponse(LeadEnrichment enrichment) {
    Map<String, EnrichedValue> facts = enrichment.facts();
    Map<String, EnrichmentResponse.EnrichedValueResponse> shown = new LinkedHashMap<>();
    facts.forEach((key, fact) -> shown.put(key, new EnrichmentResponse.EnrichedValueResponse(fact.value(), fact.source(), fact.enrichedAt())));
    return new EnrichmentResponse(
        enrichment.leadId(),
        (String) value(facts, Enrichers.EMAIL_DOMAIN),
        (String) value(facts, Enrichers.WEBSITE_DOMAIN),
        (Boolean) value(facts, Enrichers.FREE_MAIL_EMAIL),
        (Boolean) value(facts, Enrichers.DISPOSABLE_EMAIL),
        enrichment.emailBounced(),
        (String) value(facts, Enrichers.PHONE_COUNTRY),
        (String) value(facts, Enrichers.SENIORITY),
        (String) value(facts, Enrichers.DEPARTMENT),
        shown,
        enrichment.filled(),
        enrichment.personOwned(),
        new EnrichmentResponse.ProviderResponse(
            enrichment.providerStatus().label(),
            enrichment.providerDomain(),
            enrichment.providerAttempts(),
            enrichment.providerLastError(),
            enrichment.providerCheckedAt(),
            enrichment.providerNextAttemptAt()),
        enrichment.enrichedAt());
  }

  /** A lead not enriched yet: no facts, its lookup pending. */
  static EnrichmentResponse notYet(java.util.UUID leadId) {
    return new EnrichmentResponse(
        leadId, null, null, null, null, false, null, null, null, Map.of(), Map.of(), java.util.List.of(),
        new EnrichmentResponse.ProviderResponse("pending", null, 0, null, null, null), null);
  }

  private static Object value(Map<String, EnrichedValue> facts, String key) {
    EnrichedValue fact = facts.get(key);
    return fact == null ? null : fact.value();
  }
}
