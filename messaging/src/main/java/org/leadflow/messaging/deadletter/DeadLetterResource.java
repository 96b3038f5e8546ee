package org.leadflow.messaging.deadletter;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.web.FieldError;
import org.leadflow.web.PageParameters;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The service's dead letters, for an admin: listed newest first, read one by one, re-driven through
 * the consumer that dead-lettered them ({@link DeadLetterRedrive}). Served by both services, each
 * over its own database.
 */
@Path("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Events this service's consumers could not process; an admin lists and re-drives them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final int MAX_TEXT = 200;

  static final String DEAD_LETTER_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-0000000000d1\",\"topic\":\"lead-events\",\"partition\":2,\"offset\":1207,"
          + "\"key\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"eventId\":\"0190f5c3-1111-7abc-8def-0123456789ab\","
          + "\"eventType\":\"leadflow.lead.qualified.v1\",\"headers\":{\"ce_id\":\"0190f5c3-1111-7abc-8def-0123456789ab\","
          + "\"ce_type\":\"leadflow.lead.qualified.v1\",\"ce_source\":\"/leadflow/lead-service\",\"ce_specversion\":\"1.0\","
          + "\"ce_subject\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"content-type\":\"application/json\"},"
          + "\"payload\":\"{not json\",\"reason\":\"leadflow.lead.qualified.v1 data is not readable\","
          + "\"deadLetteredAt\":\"2026-05-04T09:15:00Z\",\"state\":\"redrive-failed\",\"redriveCount\":1,"
          + "\"lastRedrivenAt\":\"2026-05-04T10:02:00Z\",\"lastRedrivenBy\":\"admin-1\","
          + "\"lastRedriveFailure\":\"leadflow.lead.qualified.v1 data is not readable\"}";

  @Inject DeadLetterStore store;
  @Inject DeadLetterRedrive redrive;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "listDeadLetters",
      summary = "List dead letters",
      description = "Newest first; the filters combine with AND. Each one stays on its dead-letter topic as well.")
  @APIResponse(
      responseCode = "200",
      description = "One page of dead letters",
      content =
          @Content(
              schema = @Schema(implementation = DeadLetterResponse.Page.class),
              examples = @ExampleObject(name = "page", value = "{\"items\":[" + DEAD_LETTER_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<DeadLetterResponse.Page> list(
      @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
          @QueryParam("page")
          String page,
      @Parameter(
              description = "Page size, 1 to 200",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
          @QueryParam("size")
          String size,
      @Parameter(
              description = "Only dead letters in this state",
              schema = @Schema(type = SchemaType.STRING, enumeration = {"dead-lettered", "redriven", "redrive-failed"}))
          @QueryParam("state")
          String state,
      @Parameter(description = "Only events of this ce_type", example = "leadflow.lead.qualified.v1") @QueryParam("type")
          String type) {
    List<FieldError> errors = new ArrayList<>();
    // Not PageParameters.read: the store reads a page at any long offset, so a page past the end is empty.
    Integer pageNumber = PageParameters.wholeNumber("page", page, 0, 0, Integer.MAX_VALUE, errors);
    Integer pageSize = PageParameters.wholeNumber("size", size, PageParameters.DEFAULT_SIZE, 1, PageParameters.MAX_SIZE, errors);
    DeadLetterState wanted = state == null || state.isBlank() ? null : DeadLetterState.ofLabel(state.strip()).orElse(null);
    if (state != null && !state.isBlank() && wanted == null) {
      errors.add(new FieldError("state", "must be one of " + String.join(", ", labels())));
    }
    String eventType = type == null || type.isBlank() ? null : type.strip();
    // NUL and unpaired surrogates never get here (module web's RequestTextFilter refuses them).
    if (eventType != null && eventType.length() > MAX_TEXT) {
      errors.add(new FieldError("type", "must have at most " + MAX_TEXT + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return store
        .list(wanted, eventType, pageNumber, pageSize)
        .map(found -> new DeadLetterResponse.Page(
            found.items().stream().map(DeadLetterResponse::of).toList(), found.page(), found.size(), found.total()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getDeadLetter", summary = "Get a dead letter")
  @APIResponse(
      responseCode = "200",
      description = "The dead letter",
      content =
          @Content(
              schema = @Schema(implementation = DeadLetterResponse.class),
              examples = @ExampleObject(name = "deadLetter", value = DEAD_LETTER_EXAMPLE)))
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<DeadLetterResponse> get(@Parameter(description = "Dead letter id (UUID)") @PathParam("id") String id) {
    return store
        .find(idOf(id))
        .map(letter -> {
          if (letter == null) {
            throw new DeadLetterNotFoundException(id);
          }
          return DeadLetterResponse.of(letter);
        });
  }

  @POST
  @Path("/{id}/redrive")
  @Operation(
      operationId = "redriveDeadLetter",
      summary = "Re-drive a dead letter",
      description =
          "Gives the event, as it was read, to the consumer of its topic again, through its normal path: an effect"
              + " that happened already is not repeated. The answer is the dead letter with the outcome: state"
              + " redriven, or redrive-failed with the new reason in lastRedriveFailure.")
  @APIResponse(
      responseCode = "200",
      description = "Re-driven; the state says whether the consumer processed it",
      content =
          @Content(
              schema = @Schema(implementation = DeadLetterResponse.class),
              examples = @ExampleObject(name = "failedAgain", value = DEAD_LETTER_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Idempotency-Key is empty, too long or holds a NUL",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The dead letter was re-driven and processed already",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "The consumer did not finish in time (e.g. its database is down); nothing was recorded, try again",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> redrive(
      @Parameter(description = "Dead letter id (UUID)") @PathParam("id") String id,
      @Parameter(
              in = ParameterIn.HEADER,
              description = "Repeating the last re-drive with the same key answers its outcome again (Idempotent-Replayed: true) instead of a 409",
              example = "redrive-2026-05-04-1")
          @HeaderParam(IDEMPOTENCY_KEY)
          String idempotencyKey) {
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_TEXT)) {
      throw new InvalidRequestException(List.of(new FieldError(IDEMPOTENCY_KEY, "must have 1 to " + MAX_TEXT + " characters")));
    }
    return redrive
        .redrive(idOf(id), callers.get().id(), idempotencyKey)
        .map(outcome -> {
          Response.ResponseBuilder answer = Response.ok(DeadLetterResponse.of(outcome.deadLetter()));
          return outcome.replayed() ? answer.header(REPLAYED, "true").build() : answer.build();
        });
  }

  /** A malformed id names no dead letter: 404, as for an unknown one. */
  private static UUID idOf(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new DeadLetterNotFoundException(id);
    }
  }

  private static List<String> labels() {
    return Arrays.stream(DeadLetterState.values()).map(DeadLetterState::label).toList();
  }
}
