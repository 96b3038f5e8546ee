package org.leadflow.opportunity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details (application/problem+json)",
    example =
        "{\"type\":\"https://leadflow.org/problems/not-found\",\"title\":\"Opportunity not found\",\"status\":404,"
            + "\"detail\":\"No opportunity with id 0190f5c4-7d7a-7b5e-9a57-6d0b6b1f2c3d. If the id comes from"
            + " qualifying a lead, the conversion may still be pending (not processed yet) or may have failed:"
            + " check the lead's conversion status, or retry shortly.\","
            + "\"instance\":\"/api/v1/opportunities/0190f5c4-7d7a-7b5e-9a57-6d0b6b1f2c3d\"}")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @Schema(description = "On 400: one entry per offending field") List<FieldError> errors,
    @Schema(description = "Present on 500: quote it when reporting the failure") String correlationId) {}
