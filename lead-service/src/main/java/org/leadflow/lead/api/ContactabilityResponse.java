package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.Contactability;

/** Whether the lead is flagged by the qualification policy's Cannot Contact rule, and why. */
@Schema(name = "Contactability")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactabilityResponse(
    @Schema(description = "Flagged: the Cannot Contact rule counted too many unanswered outreach attempts; cleared by reactivation or an answered outreach")
        boolean flagged,
    @Schema(description = "When flagged: the unanswered outreach attempts counted", example = "5") Integer attempts,
    @Schema(description = "When flagged: when the first of them happened") Instant since,
    @Schema(description = "When flagged: when the rule flagged the lead") Instant flaggedAt) {

  private static final ContactabilityResponse REACHABLE = new ContactabilityResponse(false, null, null, null);

  static ContactabilityResponse of(Contactability contactability) {
    return contactability == null
        ? REACHABLE
        : new ContactabilityResponse(true, contactability.attempts(), contactability.since(), contactability.flaggedAt());
  }
}
