package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields a person edits on a lead: the body of {@code POST /leads}, and what a merge patch
 * ({@code PATCH /leads/{id}}) changes. At least one of {@code lastName} and {@code companyName}.
 */
@Schema(
    name = "LeadInput",
    description = "The editable fields of a lead. At least one of lastName and companyName is required.")
public record LeadInput(
    @Size(max = 100) @Schema(example = "Ada") String firstName,
    @Size(max = 100) @Schema(example = "Lovelace") String lastName,
    @Size(max = 200) @Schema(example = "Analytical Engines Ltd") String companyName,
    @Size(max = 100) @Schema(example = "Head of Operations") String jobTitle,
    @Size(max = 254) @Email @Schema(example = "ada.lovelace@analytical-engines.example") String email,
    @Size(max = 40)
        @Schema(
            example = "+44 20 7946 0123",
            description =
                "Any common notation; stored as E.164. Without a leading + it is read as a number of"
                    + " the lead's country (or the service's default region).")
        String phone,
    @Size(max = 500)
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(example = "https://analytical-engines.example")
        String website,
    @Schema(
            example = "Trade Show",
            enumeration = {
              "Advertisement", "Employee Referral", "External Referral", "Partner",
              "Public Relations", "Seminar", "Trade Show", "Web", "Word of Mouth", "Other"
            })
        String source,
    @Size(max = 100) @Schema(example = "Manufacturing") String industry,
    @PositiveOrZero @Max(10_000_000) @Schema(example = "250") Integer numberOfEmployees,
    @Valid MoneyDto annualRevenue,
    @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code such as GB")
        @Schema(example = "GB")
        String country,
    @Size(max = 100) @Schema(example = "London") String city,
    @Size(max = 100) @Schema(description = "The seller who owns the lead", example = "seller-42") String ownerId,
    @Size(max = 4000) @Schema(example = "Met at the booth; wants a demo in Q3.") String description,
    @Size(max = 50, message = "must have at most 50 entries")
        @Schema(
            description = "Custom attributes: string (≤ 1000 characters), number or boolean values; keys ≤ 100 characters",
            example = "{\"campaign\": \"spring-expo\", \"newsletter\": true}")
        Map<String, Object> attributes,
    @Valid QualificationInput qualification) {}
