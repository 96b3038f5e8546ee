package org.leadflow.lead.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The options of an import (docs/imports.md). */
@Schema(name = "ImportOptions", description = "Who owns the imported leads, their default source, and whether the same file may be imported again")
public record ImportOptionsInput(
    @Schema(description = "Source of rows that have none (a LeadInput source label)", example = "Trade Show") String defaultSource,
    @Size(max = 100)
        @Schema(description = "Owner of rows that name none; a seller may name only themselves", example = "seller-42")
        String ownerId,
    @Schema(description = "Give rows without an owner to a seller by the assignment rules (default true; not for sellers, whose rows are theirs)", example = "true")
        Boolean assignByRules,
    @Schema(description = "Import the file even though the same file (SHA-256) was imported before (default false)", example = "false")
        Boolean allowReimport) {}
