package org.leadflow.opportunity.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as an admin creates it, and the document a merge patch of a product applies to. */
@Schema(name = "ProductInput")
public record ProductInput(
    @Schema(example = "ENG-ANALYTICAL-1", description = "Unique in the catalogue, ignoring case; letters, digits and . _ / -; at most 50 characters") String code,
    @Schema(example = "Analytical Engine", description = "At most 200 characters") String name,
    @Schema(example = "Programmable mechanical computer, installation included", description = "At most 2000 characters") String description,
    @Schema(description = "Whether new lines may choose the product; true when left out on create") Boolean active,
    @Schema(description = "Prices per unit, at most one per currency; a merge patch replaces the whole list") List<UnitPriceDto> prices) {}
