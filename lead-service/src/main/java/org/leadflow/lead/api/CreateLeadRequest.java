package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new lead. At least one of {@code lastName} and {@code companyName} is required. */
@Schema(name = "CreateLeadRequest")
public record CreateLeadRequest(
    @Size(max = 100) @Schema(example = "Ada") String firstName,
    @Size(max = 100) @Schema(example = "Lovelace") String lastName,
    @Size(max = 200) @Schema(example = "Analytical Engines Ltd") String companyName,
    @Size(max = 100) @Schema(example = "Head of Operations") String jobTitle,
    @Size(max = 254) @Email @Schema(example = "ada.lovelace@analytical-engines.example") String email,
    @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 phone number such as +442079460123")
        @Schema(example = "+442079460123")
        String phone,
    @Size(max = 500) @Schema(example = "https://analytical-engines.example") String website,
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
    @Size(max = 4000) @Schema(example = "Met at the booth; wants a demo in Q3.") String description,
    @Size(max = 50, message = "must have at most 50 entries")
        @Schema(
            description = "Custom attributes: string, number or boolean values",
            example = "{\"campaign\": \"spring-expo\", \"newsletter\": true}")
        Map<String, Object> attributes) {}
