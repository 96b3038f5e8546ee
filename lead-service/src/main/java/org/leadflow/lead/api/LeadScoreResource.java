package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.ScoringBodies.ScoreResponse;
import org.leadflow.lead.service.ScoringQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** A lead's score with its explanation (docs/scoring.md). */
@Path("/api/v1/leads/{id}/score")
@Tag(name = "Scoring", description = "Predictive lead scoring: trained on the organisation's closed leads, every score explained")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadScoreResource {

  static final String EXAMPLE =
      "{\"leadId\":\"0190f5a4-1c2b-7d3e-9f40-5a6b7c8d9e0f\",\"score\":82,\"grade\":\"A\",\"probability\":0.8213,\"method\":\"model\","
          + "\"modelVersion\":3,\"raising\":[{\"feature\":\"attributes.totalTimeSpentOnWebsite\",\"value\":\"1532\",\"contribution\":1.21,"
          + "\"points\":21,\"text\":\"Total time spent on website is 1532: raises the score by 21 points\"}],"
          + "\"lowering\":[{\"feature\":\"attributes.whatIsYourCurrentOccupation\",\"value\":\"Unemployed\",\"contribution\":-0.31,"
          + "\"points\":-4,\"text\":\"What is your current occupation is Unemployed: lowers the score by 4 points\"}],"
          + "\"trend\":{\"previousScore\":64,\"previousGrade\":\"B\",\"previousScoredAt\":\"2026-11-29T10:15:30Z\",\"change\":18},"
          + "\"scoredAt\":\"2026-11-30T09:05:01Z\"}";

  @Inject ScoringQueries scoring;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "getLeadScore",
      summary = "A lead's score and why",
      description =
          "The score is a calibrated probability of conversion in percent, graded A to D; it is computed again, in the"
              + " background, whenever the lead or its activities change. method model: by the model trained on the"
              + " organisation's closed leads (modelVersion), the reasons its trees' per-feature contributions; method rules: too"
              + " little history yet, the score comes from readiness and fit. The trend compares with the score before. Until the"
              + " lead is first scored (a moment after it was created) score and grade are null.")
  @APIResponse(
      responseCode = "200",
      description = "The lead's score",
      content = @Content(schema = @Schema(implementation = ScoreResponse.class), examples = @ExampleObject(name = "scored", value = EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ScoreResponse> get(@PathParam("id") UUID id) {
    return scoring.score(id, callers.get()).map(found -> found.map(ScoreResponse::of).orElseGet(() -> ScoreResponse.notYet(id)));
  }
}
