package org.leadflow.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activity to log on a lead's timeline. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
    @NotBlank
        @Schema(required = true, enumeration = {"Phone Call", "Email", "Meeting", "Task", "Note"}, example = "Phone Call")
        String type,
    @NotBlank @Size(max = 200) @Schema(required = true, example = "Intro call") String subject,
    @Size(max = 4000) @Schema(example = "Discussed the Q3 roll-out.") String description,
    @Schema(enumeration = {"Inbound", "Outbound"}, description = "Calls, emails and meetings only", example = "Outbound")
        String direction,
    @Schema(
            enumeration = {
              "Completed", "No Answer", "Left Voicemail", "Busy", "Wrong Number", "Bounced", "Scheduled", "Canceled"
            },
            example = "Completed")
        String outcome,
    @Schema(description = "When it happened or starts; default now") Instant occurredAt,
    @Schema(description = "When it ended (calls, meetings)") Instant endedAt,
    @Schema(description = "When it is due (tasks only)") Instant dueAt) {}
