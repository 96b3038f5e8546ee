package org.leadflow.lead.domain.enrichment;

import java.time.Instant;

/** How asking the company data provider about a lead's company domain went. */
public sealed interface ProviderLookup {

  /** The company domain asked about. */
  String domain();

  Instant at();

  /** The provider knows the company. */
  record Found(String domain, CompanyData company, Instant at) implements ProviderLookup {}

  /** The provider answered that it does not know the domain: nothing to retry. */
  record NotFound(String domain, Instant at) implements ProviderLookup {}

  /** The provider could not be asked (down, slow, an error, its circuit open): retried later. */
  record Failed(String domain, String reason, Instant at) implements ProviderLookup {}
}
