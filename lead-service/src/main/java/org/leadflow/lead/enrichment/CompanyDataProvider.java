package org.leadflow.lead.enrichment;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.leadflow.lead.domain.enrichment.ProviderLookup;

/**
 * An outside source of company data by domain. A lookup never fails: a provider that cannot answer
 * answers {@link ProviderLookup.Failed} with the reason, and the lookup is tried again later.
 */
public interface CompanyDataProvider {

  /** Whether a provider is configured; without one only the built-in enrichers run. */
  boolean configured();

  Uni<ProviderLookup> lookUp(String domain, Instant now);
}
