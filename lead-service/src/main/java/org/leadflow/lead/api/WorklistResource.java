package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.domain.worklist.WorkItem;
import org.leadflow.lead.service.Worklists;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** A seller's Open leads in the order to work them, each with its next best action. */
@Path("/api/v1/worklist")
@Tag(name = "Worklist", description = "The leads to work next, and what to do with each")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class WorklistResource {

  static final String EXAMPLE =
      "{\"items\": [{\"leadId\": \"0193a6c2-0000-7000-8000-000000000002\", \"firstName\": \"Ada\", \"lastName\": \"Lovelace\","
          + " \"companyName\": \"Analytical Engines Ltd\", \"ownerId\": \"alice\", \"statusReason\": \"Contacted\", \"score\": 81,"
          + " \"scoreGrade\": \"A\", \"readiness\": 60, \"requiredMet\": false, \"readyToQualify\": false,"
          + " \"createdAt\": \"2026-11-20T09:00:00Z\", \"followUpDueAt\": null, \"attempts\": 2, \"lastAttemptAt\": \"2026-11-28T15:00:00Z\","
          + " \"nextAction\": {\"kind\": \"email\", \"text\": \"call: no answer twice, try email\"}}], \"page\": 0, \"size\": 50, \"total\": 1}";

  @Inject Worklists worklists;
  @Inject CurrentCaller callers;

  @Schema(name = "NextBestAction")
  public record NextActionResponse(
      @Schema(enumeration = {"follow-up", "qualify", "call", "email", "ask", "research"}) String kind,
      @Schema(description = "In plain words", example = "call: no answer twice, try email") String text) {}

  @Schema(name = "WorklistItem")
  public record WorklistItem(
      UUID leadId,
      String firstName,
      String lastName,
      String companyName,
      String ownerId,
      @Schema(enumeration = {"New", "Contacted"}) String statusReason,
      @Schema(description = "0–100; null: not scored yet") Integer score,
      @Schema(description = "A–D; null: not scored yet") String scoreGrade,
      @Schema(description = "Readiness by the qualification policy, 0–100; null: not measured yet") Integer readiness,
      Boolean requiredMet,
      @Schema(description = "The qualification agent marked it ready to qualify") boolean readyToQualify,
      Instant createdAt,
      @Schema(description = "The earliest follow-up not done yet (an activity with a due date and no outcome, or Scheduled)") Instant followUpDueAt,
      @Schema(description = "Calls, emails and meetings of any outcome but Scheduled and Canceled") int attempts,
      Instant lastAttemptAt,
      NextActionResponse nextAction) {}

  @Schema(name = "WorklistPage")
  public record WorklistPage(List<WorklistItem> items, int page, int size, long total) {}

  @GET
  @Operation(
      operationId = "getWorklist",
      summary = "The caller's Open leads in the order to work them",
      description =
          "Order: score (not scored yet last), the agent's ready-to-qualify mark, readiness, a follow-up due by the end of"
              + " today (UTC), then the oldest first. Each lead with its next best action in plain words. A seller sees"
              + " their own leads (ownerId may only name themselves: 403 otherwise); a sales manager sees every owner's,"
              + " or one owner's with ownerId. Paged as GET /leads.")
  @APIResponse(responseCode = "200", description = "One page of the worklist", content = @Content(schema = @Schema(implementation = WorklistPage.class), examples = @ExampleObject(name = "worklist", value = EXAMPLE)))
  @APIResponse(responseCode = "400", description = "An invalid page or size", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A seller naming another owner; a caller who works no leads", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<WorklistPage> worklist(
      @QueryParam("page") @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size,
      @QueryParam("ownerId") @Parameter(description = "Sales managers: whose worklist (default: every owner's); sellers: only themselves", example = "alice") String ownerId) {
    PageParameters paging = PageParameters.read(page, size);
    String owner = ownerId == null || ownerId.isBlank() ? null : ownerId.strip();
    return worklists
        .page(callers.get(), owner, paging.page(), paging.size())
        .map(found -> new WorklistPage(found.items().stream().map(WorklistResource::item).toList(), found.page(), found.size(), found.total()));
  }

  private static WorklistItem item(Worklists.Entry entry) {
    WorkItem item = entry.item();
    return new WorklistItem(
        item.leadId(), item.firstName(), item.lastName(), item.companyName(), item.ownerId(), item.statusReason().label(), item.score(),
        item.scoreGrade(), item.readiness(), item.requiredMet(), item.readyToQualify(), item.createdAt(), item.followUpDueAt(), item.attempts(),
        item.lastAttemptAt(), new NextActionResponse(entry.next().kind(), entry.next().text()));
  }
}
