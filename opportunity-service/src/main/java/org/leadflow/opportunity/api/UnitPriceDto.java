package org.leadflow.opportunity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A price per unit in one currency, exact to the currency's decimals by ISO 4217 (JPY none, EUR
 * two, KWD three): an amount with more decimals than its currency has is refused, never rounded.
 */
@Schema(name = "UnitPrice", description = "A price per unit, with as many decimals as its currency has (ISO 4217)", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record UnitPriceDto(
    @Schema(example = "1250.00", description = "Decimal string, not negative, with at most the currency's decimals (JPY \"1250\", KWD \"1.250\")") String amount,
    @Schema(example = "EUR", description = "ISO 4217 currency code") String currency) {}
