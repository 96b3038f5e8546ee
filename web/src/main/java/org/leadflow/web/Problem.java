package org.leadflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details (application/problem+json)",
    example =
        "{\"type\":\"https://leadflow.org/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"1 field is invalid\",\"instance\":\"/api/v1/leads\","
            + "\"errors\":[{\"field\":\"email\",\"message\":\"must be a well-formed email address\"}]}")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    @Schema(description = "Present on 500: quote it when reporting the failure") String correlationId,
    @Schema(description = "On 409 for a lifecycle action: the record's state", example = "Qualified") String state,
    @Schema(description = "On 409 for a lifecycle action: the record's status reason", example = "Qualified")
        String statusReason,
    @Schema(description = "On 409 for a lifecycle action: the action refused", example = "disqualify")
        String action) {

  public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors, String correlationId) {
    this(type, title, status, detail, instance, errors, correlationId, null, null, null);
  }
}
