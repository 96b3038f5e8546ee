package org.leadflow.lead.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity")
public record ActivityResponse(
    UUID id,
    UUID leadId,
    String type,
    String subject,
    String description,
    String direction,
    String outcome,
    Instant occurredAt,
    Instant endedAt,
    Instant dueAt,
    ActorResponse author,
    Instant loggedAt) {}
