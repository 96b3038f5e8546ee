package org.leadflow.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What enrichment found out about a lead: the flags scoring and the agent read, typed, and every fact
 * with its source and time.
 */
@Schema(name = "LeadEnrichment")
public record EnrichmentResponse(
    UUID leadId,
    @Schema(example = "acme.example") String emailDomain,
    @Schema(description = "The company's domain: the website's host, else the email's domain unless free-mail or disposable", example = "acme.example")
        String websiteDomain,
    @Schema(description = "The email is at a free-mail domain (gmail.com, ...); null without an email") Boolean freeMailEmail,
    @Schema(description = "The email is at a disposable-mailbox domain; null without an email") Boolean disposableEmail,
    @Schema(description = "An email to the lead's current address bounced (an activity logged as Bounced)") boolean emailBounced,
    @Schema(description = "ISO 3166-1 alpha-2 country of the phone number", example = "DE") String phoneCountry,
    @Schema(description = "Read from the job title", example = "VP", enumeration = {"C-Level", "VP", "Director", "Manager", "Individual Contributor"})
        String seniority,
    @Schema(description = "Read from the job title", example = "Sales") String department,
    @Schema(
            description =
                "Every fact by key (the members above, country, companyName, industry, numberOfEmployees, annualRevenue,"
                    + " companyCountry): its value, source (email, website, phone, jobTitle, attributes.country, activity, provider) and when it was found",
            example = "{\"websiteDomain\": {\"value\": \"acme.example\", \"source\": \"email\", \"enrichedAt\": \"2026-11-29T10:15:30Z\"}}")
        Map<String, EnrichedValueResponse> facts,
    @Schema(description = "The lead fields enrichment filled, with the value it wrote (a person's value is never overwritten)", example = "{\"website\": \"https://acme.example\"}")
        Map<String, Object> filled,
    @Schema(description = "Fields a person changed after enrichment filled them: never filled again") List<String> personOwned,
    ProviderResponse provider,
    Instant enrichedAt) {

  /** One fact. */
  @Schema(name = "EnrichedValue")
  public record EnrichedValueResponse(
      @Schema(description = "Text, number, boolean, or money as {amount, currency}") Object value,
      @Schema(example = "email") String source,
      Instant enrichedAt) {}

  /** Where the company data lookup stands. */
  @Schema(name = "EnrichmentProvider")
  public record ProviderResponse(
      @Schema(enumeration = {"not-configured", "no-domain", "pending", "found", "not-found", "failed"}, example = "found") String status,
      @Schema(description = "The company domain asked about", example = "acme.example") String domain,
      @Schema(description = "Failed tries in a row") int attempts,
      @Schema(description = "Why the last try failed", example = "timed out") String lastError,
      Instant checkedAt,
      @Schema(description = "When a failed or re-run lookup is tried next; null when none is due") Instant nextAttemptAt) {}
}
