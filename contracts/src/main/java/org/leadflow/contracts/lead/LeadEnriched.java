package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.enriched.v1}: what enrichment now knows about a lead (every fact with
 * its source and time), the lead fields it filled in this run, and where its company data lookup
 * stands. Published when a fact changed; the fields it filled are also in a {@code
 * leadflow.lead.updated.v1} by {@code enrichment}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadEnriched(
    UUID leadId, Map<String, Fact> facts, List<FieldChange> filled, String providerStatus, Instant enrichedAt) {

  /** One fact: its value (text, number, boolean or money), where it came from and when it was found. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Fact(Object value, String source, Instant enrichedAt) {}
}
