package org.leadflow.lead.domain.enrichment;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing enrichment found out about a lead: the value, where it came from ({@code email}, {@code
 * website}, {@code phone}, {@code jobTitle}, {@code attributes.country}, {@code activity}, {@code
 * provider}) and when it was first found so.
 */
public record EnrichedValue(Object value, String source, Instant enrichedAt) {

  public EnrichedValue {
    Objects.requireNonNull(value);
    Objects.requireNonNull(source);
    Objects.requireNonNull(enrichedAt);
  }

  /** Whether {@code other} says the same (value and source), whenever it was found. */
  boolean says(EnrichedValue other) {
    return other != null && Objects.equals(value, other.value) && source.equals(other.source);
  }
}
