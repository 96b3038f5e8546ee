package org.leadflow.lead.domain.enrichment;

/** Where the lead's company data lookup stands. */
public enum ProviderStatus {
  /** No provider is configured (the default): only the built-in enrichers run. */
  NOT_CONFIGURED,
  /** The lead has no company domain to ask about (no website, a free-mail or disposable address). */
  NO_DOMAIN,
  /** Asked for again (a re-run): the retry schedule asks the provider soon. */
  PENDING,
  FOUND,
  NOT_FOUND,
  /** The last try failed; retried at {@code nextAttemptAt} unless the tries are used up. */
  FAILED;

  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
