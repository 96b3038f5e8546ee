package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Enrichment of leads after create and edit (docs/enrichment.md). */
@ConfigMapping(prefix = "leadflow.enrichment")
public interface EnrichmentConfig {

  /**
   * Whether enrichment fills the empty lead fields a person never set (website, country, company name,
   * industry, employees, revenue). Off by default: a fill is a change of the lead (a new version), so a
   * client that edits a lead right after creating it could meet a concurrent change (409, or 412 with
   * its If-Match). Off, enrichment only records facts, shown with the lead.
   */
  @WithDefault("false")
  boolean fillEmptyFields();

  /** A file of free-mail domains replacing the shipped list (one domain a line, # for notes); re-read when it changes. */
  Optional<String> freeMailDomainsFile();

  /** A file of disposable-mailbox domains replacing the shipped list; re-read when it changes. */
  Optional<String> disposableDomainsFile();

  /** A file of job title rules replacing the shipped table ({@code kind;value;pattern} a line); re-read when it changes. */
  Optional<String> jobTitleRulesFile();

  /** How often the files above are checked for changes. */
  @WithDefault("1m")
  Duration listsCheckInterval();

  /** First wait before an event whose enrichment failed for a passing reason (database down) is tried again; doubles. */
  @WithDefault("200ms")
  Duration retryInitialBackoff();

  /** Longest wait between two such tries. */
  @WithDefault("15s")
  Duration retryMaxBackoff();

  Provider provider();

  /** The HTTP company data provider; off without a URL. */
  interface Provider {

    /** Base URL: the provider is asked {@code GET <url>/companies/<domain>}. None: no provider (the default). */
    Optional<String> url();

    /** Sent as {@code Authorization: Bearer <key>} when set. */
    Optional<String> apiKey();

    @WithDefault("1s")
    Duration connectTimeout();

    /** Longest wait for one answer. */
    @WithDefault("3s")
    Duration timeout();

    /** Tries after the first failed one, within one lookup. */
    @WithDefault("2")
    int retries();

    @WithDefault("200ms")
    Duration retryDelay();

    /** Calls the circuit breaker looks at. */
    @WithDefault("10")
    int circuitBreakerRequestVolume();

    /** Share of failures among them that opens it. */
    @WithDefault("0.5")
    double circuitBreakerFailureRatio();

    /** How long it stays open before letting a trial call through. */
    @WithDefault("30s")
    Duration circuitBreakerDelay();

    /** How often failed lookups are looked for and tried again. */
    @WithDefault("30s")
    Duration retryInterval();

    /** Wait before the first retry of a failed lookup; doubles per failure. */
    @WithDefault("1m")
    Duration retryBackoff();

    @WithDefault("1h")
    Duration retryMaxBackoff();

    /** Failed lookups of one domain after which it is no longer retried (a re-run or an edit starts again). */
    @WithDefault("8")
    int maxAttempts();

    /** Most lookups tried again per run. */
    @WithDefault("50")
    int retryBatchSize();
  }
}
