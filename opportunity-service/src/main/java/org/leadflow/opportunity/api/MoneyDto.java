package org.leadflow.opportunity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money as LeadFlow writes it everywhere (docs/architecture.md, section REST conventions): the amount as a
 * decimal string, an ISO 4217 currency.
 */
@Schema(name = "Money", description = "An amount of money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyDto(
    @Schema(example = "1250.00", description = "Decimal string with the decimals of its currency by ISO 4217 (JPY 0, EUR 2, KWD 3)") String amount,
    @Schema(example = "EUR", description = "ISO 4217 currency code") String currency) {}
