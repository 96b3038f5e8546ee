package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.leadflow.lead.config.EnrichmentConfig;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.FieldChange;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.enrichment.CompanyData;
import org.leadflow.lead.domain.enrichment.Enrichers;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;
import org.leadflow.lead.domain.enrichment.ProviderLookup;
import org.leadflow.lead.enrichment.CompanyDataProvider;
import org.leadflow.lead.enrichment.EnrichmentRules;
import org.leadflow.lead.persistence.LeadEnrichments;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.lead.service.EnrichmentEvents;

/**
 * Enriches one lead (docs/enrichment.md), in two steps so that no transaction waits on the provider:
 * {@link #lookUp} reads the lead and asks the company data provider when its company domain needs
 * asking (outside any transaction); {@link #apply}, in the caller's transaction, runs the built-in
 * enrichers on the lead as it is then, records the facts and the lookup, fills the lead's empty fields
 * a person never set when {@code leadflow.enrichment.fill-empty-fields} is on (history and {@code
 * leadflow.lead.updated.v1} by {@code enrichment}, through {@code system}), and publishes {@code leadflow.lead.enriched.v1} when a fact changed.
 */
@ApplicationScoped
public class EnrichLead {

  /** Who enrichment's changes are recorded as. */
  public static final String ACTOR = "enrichment";

  @Inject EnrichmentRules rules;
  @Inject CompanyDataProvider provider;
  @Inject LeadEnrichments enrichments;
  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject EnrichmentEvents events;
  @Inject EnrichmentConfig config;

  /**
   * In a session of its own: the provider's answer about the lead's company domain, or null when
   * there is nothing to ask (no provider, no domain, already answered, a failed lookup not due yet,
   * no such lead). Then back on {@code context}, where the transaction of {@link #apply} must run.
   */
  public Uni<ProviderLookup> lookUp(UUID leadId, Executor context) {
    return lookUp(leadId, false, context);
  }

  /** @param due the lookup is due (claimed by the retry schedule): asked unless the provider answered about the domain already */
  Uni<ProviderLookup> lookUp(UUID leadId, boolean due, Executor context) {
    if (!provider.configured()) {
      return Uni.createFrom().nullItem();
    }
    Instant now = changes.now();
    return Panache.withSession(() -> leads.findById(leadId).chain(lead -> lead == null
            ? Uni.createFrom().<Optional<String>>item(Optional.empty())
            : enrichments.findById(leadId).map(known -> {
                Optional<String> domain = rules.enrichers().companyDomain(lead.details());
                return domain.filter(asked -> known == null || known.needsLookup(asked, now, due));
              })))
        .chain(domain -> domain.isEmpty() ? Uni.createFrom().<ProviderLookup>nullItem() : provider.lookUp(domain.get(), now))
        .emitOn(context);
  }

  /**
   * In the caller's transaction: enriches the lead with {@code lookup} (may be null); false when there
   * is no such lead.
   *
   * @param bouncedEmail true when an email to the lead bounced (an activity logged as Bounced)
   */
  public Uni<Boolean> apply(UUID leadId, ProviderLookup lookup, boolean bouncedEmail) {
    Instant now = changes.now();
    return leads.findById(leadId).chain(lead -> lead == null
        ? Uni.createFrom().item(false)
        : enrichments.findById(leadId)
            .chain(known -> enrich(lead, known, lookup, bouncedEmail, now))
            .replaceWith(true));
  }

  /** @param known the lead's enrichment so far, or null: then one is stored only when something was found */
  private Uni<Void> enrich(Lead lead, LeadEnrichment known, ProviderLookup lookup, boolean bouncedEmail, Instant now) {
    LeadEnrichment enrichment = known != null ? known : LeadEnrichment.of(lead.id(), now);
    Enrichers enrichers = rules.enrichers();
    Optional<String> domain = enrichers.companyDomain(lead.details());
    if (!provider.configured()) {
      enrichment.providerNotConfigured();
    } else if (domain.isEmpty()) {
      enrichment.noCompanyDomain();
    } else if (lookup != null && lookup.domain().equals(domain.get())) {
      EnrichmentConfig.Provider settings = config.provider();
      enrichment.looked(lookup, settings.retryBackoff(), settings.retryMaxBackoff(), settings.maxAttempts());
    }
    boolean bounced = bouncedEmail && enrichment.bounced(lead.details().email(), now);
    CompanyData company =
        lookup instanceof ProviderLookup.Found found && domain.isPresent() && found.domain().equals(domain.get())
            ? found.company()
            : domain.map(enrichment::company).orElse(null);
    LeadEnrichment.Result result =
        enrichment.enrich(lead.details(), enrichers.facts(lead.details(), company, now), config.fillEmptyFields() && lead.state() == LeadState.OPEN, now);
    List<LeadEvent> filled =
        result.details() == null
            ? List.of()
            : lead.update(result.details(), lead.qualification(), lead.ownerId(), Actor.system(ACTOR), now);
    List<FieldChange> filledChanges = filled.stream()
        .filter(LeadEvent.Updated.class::isInstance)
        .flatMap(event -> ((LeadEvent.Updated) event).changes().stream())
        .toList();
    boolean found = result.factsChanged() || bounced || !filledChanges.isEmpty();
    if (known == null && !found && lookup == null) {
      // Nothing to know about this lead (a company name alone): nothing stored, nothing published.
      return Uni.createFrom().voidItem();
    }
    Uni<?> recorded = filled.isEmpty() ? Uni.createFrom().voidItem() : changes.record(lead, filled);
    return recorded
        .chain(() -> known == null ? enrichments.persist(enrichment) : Uni.createFrom().item(enrichment))
        .chain(() -> found ? events.enriched(enrichment, filledChanges) : Uni.createFrom().voidItem())
        .replaceWithVoid();
  }
}
