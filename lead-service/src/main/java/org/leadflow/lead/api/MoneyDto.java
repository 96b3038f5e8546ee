package org.leadflow.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money as LeadFlow writes it everywhere (docs/architecture.md, section REST conventions): the amount as a
 * decimal string, an ISO 4217 currency.
 */
@Schema(name = "Money", description = "An amount of money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyDto(
    @NotNull
        @Pattern(regexp = "^-?\\d{1,17}(\\.\\d{1,2})?$", message = "must be a decimal number with at most 2 decimals")
        @Schema(example = "1250.00", description = "Decimal string, at most 2 decimals")
        String amount,
    @NotNull
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as EUR")
        @Schema(example = "EUR")
        String currency) {}
