package org.leadflow.lead.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as the API shows it. */
@Schema(name = "Lead")
public record LeadResponse(
    UUID id,
    String firstName,
    String lastName,
    String companyName,
    String jobTitle,
    String email,
    String phone,
    String website,
    @Schema(example = "Trade Show") String source,
    String industry,
    Integer numberOfEmployees,
    MoneyDto annualRevenue,
    String country,
    String city,
    String ownerId,
    String description,
    Map<String, Object> attributes,
    QualificationResponse qualification,
    @Schema(example = "Open", enumeration = {"Open", "Qualified", "Disqualified"}) String state,
    @Schema(
            example = "New",
            description = "Dynamics 365's status reasons (New, Contacted, Qualified, Lost, Cannot Contact, No Longer Interested, Canceled) and"
                + " LeadFlow's own Merged (merged into another lead); more may come, so read unknown values as their state")
        String statusReason,
    @Schema(example = "1", description = "The status reason's code: Dynamics' 1-7, 8 for Merged") int statusReasonCode,
    @Schema(description = "Set when disqualified with a date until which the lead is nurtured") java.time.LocalDate nurtureUntil,
    @Schema(description = "Set once qualified: the conversion into an opportunity") ConversionResponse conversion,
    @Schema(description = "Set once the opportunity made from the lead is won or lost (cleared when it is reopened): the outcome scoring learns from")
        OpportunityOutcomeResponse opportunityOutcome,
    @Schema(description = "How ready the lead is to be qualified, as last measured; null until it is measured") LeadReadinessSummary readiness,
    @Schema(description = "Whether the qualification policy's Cannot Contact rule has flagged the lead") ContactabilityResponse contactability,
    @Schema(
            description =
                "What enrichment found out about the lead, each fact with its source and time (GET of one lead and the list;"
                    + " null until the lead is enriched, shortly after it is created, and in the answers to changes)")
        EnrichmentResponse enrichment,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
