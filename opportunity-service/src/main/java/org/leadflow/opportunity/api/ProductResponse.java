package org.leadflow.opportunity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product of the catalogue as the API shows it. */
@Schema(name = "Product")
public record ProductResponse(
    UUID id,
    @Schema(example = "ENG-ANALYTICAL-1") String code,
    @Schema(example = "Analytical Engine") String name,
    String description,
    @Schema(description = "Whether new lines may choose the product") boolean active,
    @Schema(description = "Prices per unit, one per currency, sorted by currency") List<UnitPriceDto> prices,
    Instant createdAt,
    Instant updatedAt,
    @Schema(description = "Also the ETag") long version) {}
