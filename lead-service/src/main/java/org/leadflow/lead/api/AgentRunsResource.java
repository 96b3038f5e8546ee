package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.AgentBodies.RunPage;
import org.leadflow.lead.api.AgentBodies.RunRequest;
import org.leadflow.lead.api.AgentBodies.RunResponse;
import org.leadflow.lead.application.AgentRuns;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** Runs of the qualification agent over every Open lead, asked for by an admin or a sales manager. */
@Path("/api/v1/agent/runs")
@Tag(name = "Qualification agent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES_MANAGER, Roles.ADMIN})
public class AgentRunsResource {

  static final String RUN_EXAMPLE =
      "{\"id\": \"0193a6c2-6f1e-7c3a-9d2b-5e8f1a2b3c4d\", \"trigger\": \"demand\", \"dryRun\": true, \"status\": \"completed\","
          + " \"policyVersion\": 3, \"requestedBy\": \"manager-maria\", \"requestedByName\": \"Maria Manager\","
          + " \"requestedAt\": \"2026-11-30T09:00:00Z\", \"startedAt\": \"2026-11-30T09:00:01Z\", \"finishedAt\": \"2026-11-30T09:00:04Z\","
          + " \"evaluated\": 1200, \"acted\": 2, \"skipped\": 1, \"decisions\": ["
          + "{\"leadId\": \"0193a6c2-0000-7000-8000-000000000001\", \"outcome\": \"disqualify\", \"rule\": \"Bounced email and no phone\","
          + " \"statusReason\": \"Cannot Contact\", \"reasons\": [\"email bounced\", \"no phone number\"]},"
          + "{\"leadId\": \"0193a6c2-0000-7000-8000-000000000002\", \"outcome\": \"mark-ready-to-qualify\", \"rule\": \"Warm and complete\","
          + " \"reasons\": [\"score 72 is at least 60\", \"every required criterion is met\"]},"
          + "{\"leadId\": \"0193a6c2-0000-7000-8000-000000000003\", \"outcome\": \"skipped\", \"rule\": \"Cold after five tries\","
          + " \"reasons\": [\"a person changed the lead at 2026-11-30T08:12:00Z, within the last 24 hours\"]}]}";

  @Inject AgentRuns runs;
  @Inject CurrentCaller callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startAgentRun",
      summary = "Run the qualification agent over every Open lead",
      description =
          "Queued and worked in the background (202; GET the Location for progress and the report). A dry run"
              + " (the default) reports what the agent would do and changes nothing; a real run needs the policy's"
              + " mode on (409 otherwise). Leads a person changed within the policy's recentChangeHours, and leads"
              + " a person overruled the agent on, are skipped.")
  @RequestBody(required = false, content = @Content(schema = @Schema(implementation = RunRequest.class), examples = {@ExampleObject(name = "dry run", value = "{\"dryRun\": true}"), @ExampleObject(name = "act", value = "{\"dryRun\": false}")}))
  @APIResponse(
      responseCode = "202",
      description = "Queued; Location names the run",
      headers = @Header(name = "Location", description = "/api/v1/agent/runs/{id}", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = RunResponse.class)))
  @APIResponse(responseCode = "400", description = "A body that is not a run request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "Not a sales manager or an admin", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "A real run while the policy's mode is not on", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "agent off", value = "{\"type\": \"https://leadflow.org/problems/agent-off\", \"title\": \"The agent does not act\", \"status\": 409, \"detail\": \"The agent's policy is off: only a dry run can be asked for until an admin sets its mode to on\", \"instance\": \"/api/v1/agent/runs\"}")))
  public Uni<Response> start(@Valid RunRequest request) {
    boolean dryRun = request == null || request.isDryRun();
    return runs.request(dryRun, callers.get())
        .map(run -> Response.accepted(AgentBodies.toResponse(run)).location(URI.create("/api/v1/agent/runs/" + run.id())).build());
  }

  @GET
  @Operation(operationId = "listAgentRuns", summary = "The agent's runs, newest first", description = "Without their decisions; GET a run for its report.")
  @APIResponse(responseCode = "200", description = "One page of runs", content = @Content(schema = @Schema(implementation = RunPage.class)))
  @APIResponse(responseCode = "400", description = "An invalid page or size", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<RunPage> list(
      @QueryParam("page") @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return runs.page(paging.page(), paging.size())
        .map(found -> new RunPage(found.items().stream().map(AgentBodies::toResponse).toList(), found.page(), found.size(), found.total()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAgentRun", summary = "One run of the agent: progress, counts and report")
  @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunResponse.class), examples = @ExampleObject(name = "dry run", value = RUN_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<RunResponse> get(@PathParam("id") UUID id) {
    return runs.find(id).map(AgentBodies::toResponse);
  }
}
