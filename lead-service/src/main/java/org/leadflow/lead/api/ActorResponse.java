package org.leadflow.lead.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who did something, and through what: user, import, agent or system. */
@Schema(name = "Actor")
public record ActorResponse(
    @Schema(example = "seller-42") String id,
    @Schema(enumeration = {"user", "import", "agent", "system"}, example = "user") String via) {}
