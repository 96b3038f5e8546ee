package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.ScoringBodies.ModelsResponse;
import org.leadflow.lead.api.ScoringBodies.SettingsInput;
import org.leadflow.lead.api.ScoringBodies.SettingsResponse;
import org.leadflow.lead.api.ScoringBodies.TrainingRequest;
import org.leadflow.lead.api.ScoringBodies.TrainingResponse;
import org.leadflow.lead.api.ScoringBodies.TrainingsResponse;
import org.leadflow.lead.application.TrainScoringModels;
import org.leadflow.lead.application.TrainingOptions;
import org.leadflow.lead.service.ScoringQueries;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** Training scoring models, the models made, and what scoring leaves out (docs/scoring.md). */
@Path("/api/v1/scoring")
@Tag(name = "Scoring", description = "Predictive lead scoring: trained on the organisation's closed leads, every score explained")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
public class ScoringResource {

  static final String TRAINING_EXAMPLE =
      "{\"id\":\"5b0c7c1e-2f59-4d5e-8a0e-3f9d6a1b2c3d\",\"status\":\"completed\",\"requestedBy\":\"ann\","
          + "\"options\":{\"holdoutShare\":0.2,\"seed\":42,\"splitAttribute\":\"prospectId\",\"baselines\":true},"
          + "\"createdAt\":\"2026-11-30T09:00:00Z\",\"startedAt\":\"2026-11-30T09:00:01Z\",\"finishedAt\":\"2026-11-30T09:00:04Z\","
          + "\"result\":\"model\",\"modelVersion\":3,\"data\":{\"closedLeads\":9237,\"converted\":3559,\"notConverted\":5678,"
          + "\"excludedAttributes\":[\"tags\",\"leadQuality\",\"lastNotableActivity\"],\"features\":26,\"columns\":116},"
          + "\"metrics\":{\"holdoutAuc\":0.9352,\"validationAuc\":0.9405,\"brierScore\":0.0975,\"naiveBayesAuc\":0.8739,"
          + "\"logisticRegressionAuc\":0.9057},\"failure\":null}";

  static final String SETTINGS_EXAMPLE = "{\"excludedAttributes\":[\"tags\",\"leadQuality\",\"lastNotableActivity\"]}";

  @Inject TrainScoringModels training;
  @Inject ScoringQueries scoring;
  @Inject CurrentCaller callers;
  @Context UriInfo uri;

  @POST
  @Path("/trainings")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestScoringTraining",
      summary = "Train a scoring model on the closed leads",
      description =
          "Admins only. The training runs in the background (GET its Location for progress and figures): closed leads are"
              + " read (qualified: converted, won where known; disqualified and lost: not converted), a share of each outcome is"
              + " held out, and the model is judged on it (AUC, calibration). With fewer than leadflow.scoring.min-outcomes"
              + " (40) leads of either outcome no model is made (result rules) and the rule-based score stays. A new model"
              + " comes into force at once and every open lead is scored again. The body is required, each of its members"
              + " optional: {} trains with the defaults.")
  @RequestBody(
      content = @Content(schema = @Schema(implementation = TrainingRequest.class), examples = @ExampleObject(name = "evaluation", value = "{\"holdoutShare\":0.2,\"seed\":42,\"splitAttribute\":\"prospectId\",\"baselines\":true}")))
  @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = TrainingResponse.class), examples = @ExampleObject(name = "queued", value = TRAINING_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "An option out of range", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "A training is queued or running already", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> train(@Valid @NotNull TrainingRequest request) {
    TrainingOptions options =
        new TrainingOptions(
            request.holdoutShare() == null ? TrainingOptions.DEFAULT.holdoutShare() : request.holdoutShare(),
            request.seed() == null ? TrainingOptions.DEFAULT.seed() : request.seed(),
            request.splitAttribute(),
            Boolean.TRUE.equals(request.baselines()));
    return training
        .request(callers.get().id(), options)
        .chain(queued -> queued.isEmpty()
            ? Uni.createFrom().item(Problems.answer(409, "training-in-progress", "A training is in progress", "A training is queued or running already; wait for it to end", uri, null, null))
            : scoring.training(queued.get()).map(run -> Response.accepted(TrainingResponse.of(run.orElseThrow()))
                .location(URI.create("/api/v1/scoring/trainings/" + queued.get()))
                .build()));
  }

  @GET
  @Path("/trainings/{trainingId}")
  @Operation(operationId = "getScoringTraining", summary = "A training: status, what it saw, the model's figures", description = "Admins and sales managers.")
  @APIResponse(responseCode = "200", description = "The training", content = @Content(schema = @Schema(implementation = TrainingResponse.class), examples = @ExampleObject(name = "completed", value = TRAINING_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such training", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> training(@PathParam("trainingId") UUID id) {
    return scoring.training(id).map(found -> found
        .map(run -> Response.ok(TrainingResponse.of(run)).build())
        .orElseGet(() -> Problems.answer(404, "not-found", "Not found", "No training " + id, uri, null, null)));
  }

  @GET
  @Path("/trainings")
  @Operation(operationId = "listScoringTrainings", summary = "Trainings, newest first", description = "Admins and sales managers; paged.")
  @APIResponse(responseCode = "200", description = "A page of trainings", content = @Content(schema = @Schema(implementation = TrainingsResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<TrainingsResponse> trainings(
      @QueryParam("page") @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    List<FieldError> errors = new ArrayList<>();
    PageParameters paging = PageParameters.read(page, size, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return scoring.trainings(paging.page(), paging.size())
        .map(runs -> new TrainingsResponse(runs.stream().map(TrainingResponse::of).toList(), paging.page(), paging.size()));
  }

  @GET
  @Path("/models")
  @Operation(operationId = "listScoringModels", summary = "Models, newest (in force) first", description = "Admins and sales managers: each model's version, training, holdout AUC and figures.")
  @APIResponse(responseCode = "200", description = "The models", content = @Content(schema = @Schema(implementation = ModelsResponse.class)))
  public Uni<ModelsResponse> models() {
    return scoring.models().map(ModelsResponse::new);
  }

  @GET
  @Path("/settings")
  @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER, Roles.SELLER})
  @Operation(operationId = "getScoringSettings", summary = "What scoring leaves out", description = "The attributes the sales team fills in after contact, which scoring does not learn from.")
  @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = SettingsResponse.class), examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
  public Uni<SettingsResponse> settings() {
    return scoring.settings().map(SettingsResponse::of);
  }

  @PUT
  @Path("/settings")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceScoringSettings",
      summary = "Set what scoring leaves out",
      description =
          "Admins only. Attributes filled in after a lead was contacted (a sales team's tags, a quality rating, the last"
              + " notable activity) leak the outcome: a model trained on them looks better than it is and scores new leads"
              + " badly. Named attributes are left out from the next training on.")
  @RequestBody(content = @Content(schema = @Schema(implementation = SettingsInput.class), examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
  @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = SettingsResponse.class), examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not a list of attribute names", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<SettingsResponse> replaceSettings(@Valid @NotNull SettingsInput input) {
    return scoring.saveSettings(input.excludedAttributes().stream().distinct().toList(), callers.get()).map(SettingsResponse::of);
  }
}
