package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.Actor;

/** Who did something, and through what: user, import, agent or system. */
@Schema(name = "Actor")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActorResponse(
    @Schema(description = "The subject of the caller's token, or the LeadFlow component", example = "seller-42") String id,
    @Schema(description = "The caller's display name, when their token has one", example = "Ada Lovelace") String name,
    @Schema(enumeration = {"user", "import", "agent", "system"}, example = "user") String via) {

  static ActorResponse of(Actor actor) {
    return new ActorResponse(actor.id(), actor.name(), actor.via().label());
  }
}
