package org.leadflow.opportunity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.service.PipelineView;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The pipeline as a sales app's dashboard shows it: the open opportunities by stage and by close
 * month, and the funnel from leads to won opportunities. Amounts are per currency, never summed
 * across currencies. Sellers see their own figures; naming another owner gives empty figures, as the
 * lists do.
 */
@Path("/api/v1/pipeline")
@Tag(name = "Pipeline view", description = "The open opportunities by stage and close month, and the lead-to-won funnel")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class PipelineViewResource {

  private static final String AMOUNT =
      "{\"currency\":\"EUR\",\"count\":2,\"value\":{\"amount\":\"30000.00\",\"currency\":\"EUR\"},"
          + "\"weightedValue\":{\"amount\":\"18000.00\",\"currency\":\"EUR\"}}";
  private static final String PIPELINE_EXAMPLE =
      "{\"filters\":{\"closeDateFrom\":\"2026-07-01\",\"closeDateTo\":\"2026-12-31\"},"
          + "\"byStage\":[{\"stage\":\"Qualify\",\"count\":1,\"amounts\":[]},{\"stage\":\"Develop\",\"count\":0,\"amounts\":[]},"
          + "{\"stage\":\"Propose\",\"count\":2,\"amounts\":[" + AMOUNT + "]},{\"stage\":\"Close\",\"count\":0,\"amounts\":[]}],"
          + "\"byCloseMonth\":[{\"month\":\"2026-09\",\"count\":3,\"amounts\":[" + AMOUNT + "]}],"
          + "\"withoutCloseDate\":{\"count\":0,\"amounts\":[]},\"total\":{\"count\":3,\"amounts\":[" + AMOUNT + "]}}";
  private static final String FUNNEL_EXAMPLE =
      "{\"from\":\"2026-07-01\",\"to\":\"2026-09-30\",\"leadsCreated\":120,\"leadsQualified\":30,"
          + "\"opportunitiesWon\":9,\"wonRevenue\":[{\"amount\":\"112500.00\",\"currency\":\"EUR\"},{\"amount\":\"1800000\",\"currency\":\"JPY\"}],"
          + "\"qualifiedPercent\":25.0,\"wonPercent\":30.0}";
  private static final String OWNER = "ownerId";

  @Inject PipelineView view;
  @Inject CurrentCaller callers;
  @Inject Clock clock;

  @GET
  @Operation(
      operationId = "getPipeline",
      summary = "The open opportunities by stage and by close month",
      description =
          "Count, estimated value and probability-weighted value (estimated value × probability / 100) of the Open"
              + " opportunities (In Progress and On Hold), by stage (every stage, in order) and by estimated close month."
              + " Amounts are summed per currency and never across currencies: each bucket has one entry per currency"
              + " (a dashboard shows one currency at a time, or asks for one with currency); opportunities without an"
              + " estimated value count, in no currency. A seller's figures hold only their own opportunities.")
  @APIResponse(
      responseCode = "200",
      description = "The figures",
      content = @Content(schema = @Schema(implementation = PipelineViewResponses.Pipeline.class), examples = @ExampleObject(name = "pipeline", value = PIPELINE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "An invalid parameter (a malformed or out-of-range date, closeDateFrom after closeDateTo, no ISO 4217 currency): one entry per parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<PipelineViewResponses.Pipeline> pipeline(
      @Parameter(description = "Only this owner's opportunities (a seller: only their own; another owner's figures are empty)", example = "seller-7")
          @QueryParam(OWNER)
          String ownerId,
      @Parameter(description = "Estimated close date on or after (ISO-8601 date)", example = "2026-07-01") @QueryParam("closeDateFrom")
          String closeDateFrom,
      @Parameter(description = "Estimated close date on or before (ISO-8601 date)", example = "2026-12-31") @QueryParam("closeDateTo")
          String closeDateTo,
      @Parameter(description = "Only opportunities valued in this ISO 4217 currency", example = "EUR") @QueryParam("currency")
          String currency) {
    List<FieldError> errors = new ArrayList<>();
    String owner = owner(ownerId, errors);
    LocalDate from = BusinessDates.date("closeDateFrom", closeDateFrom, errors);
    LocalDate to = BusinessDates.date("closeDateTo", closeDateTo, errors);
    inOrder("closeDateFrom", from, "closeDateTo", to, errors);
    String code = currency(currency, errors);
    failOn(errors);
    return view
        .pipeline(new PipelineView.Filter(owner, from, to, code), callers.get())
        .map(figures -> PipelineViewResponses.pipeline(figures, new PipelineViewResponses.Filters(owner, from, to, code)));
  }

  @GET
  @Path("/funnel")
  @Operation(
      operationId = "getPipelineFunnel",
      summary = "The funnel from leads to won opportunities over a period",
      description =
          "Of the leads created in the period (UTC days, both included; default: the current calendar quarter), how many"
              + " were qualified and how many of their opportunities were won (whenever), with the won revenue per"
              + " currency. Answered from the lead events opportunity-service receives (created, qualified, owner changes)"
              + " and its own opportunities. ownerId restricts both the leads (their owner) and the won opportunities"
              + " (theirs); a seller's funnel is their own.")
  @APIResponse(
      responseCode = "200",
      description = "The funnel",
      content = @Content(schema = @Schema(implementation = PipelineViewResponses.Funnel.class), examples = @ExampleObject(name = "funnel", value = FUNNEL_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "An invalid parameter (a malformed or out-of-range date, from after to): one entry per parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<PipelineViewResponses.Funnel> funnel(
      @Parameter(description = "First day of the period (ISO-8601 date); default: the first day of the current quarter", example = "2026-07-01")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last day of the period (ISO-8601 date); default: the last day of the current quarter", example = "2026-09-30")
          @QueryParam("to")
          String to,
      @Parameter(description = "Only this owner's leads and opportunities (a seller: only their own; another owner's funnel is empty)", example = "seller-7")
          @QueryParam(OWNER)
          String ownerId) {
    List<FieldError> errors = new ArrayList<>();
    String owner = owner(ownerId, errors);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
    LocalDate first = orElse(BusinessDates.date("from", from, errors), from, quarterStart);
    LocalDate last = orElse(BusinessDates.date("to", to, errors), to, quarterStart.plusMonths(3).minusDays(1));
    inOrder("from", first, "to", last, errors);
    failOn(errors);
    return view.funnel(first, last, owner, callers.get()).map(PipelineViewResponses::funnel);
  }

  /** The date given, or {@code otherwise} when none was (an invalid one is in the errors already). */
  private static LocalDate orElse(LocalDate parsed, String given, LocalDate otherwise) {
    return parsed == null && (given == null || given.isBlank()) ? otherwise : parsed;
  }

  private static String owner(String ownerId, List<FieldError> errors) {
    // Blank is absent, as in the lists.
    if (ownerId == null || ownerId.isBlank()) {
      return null;
    }
    if (ownerId.length() > Caller.MAX_ID_LENGTH) {
      errors.add(new FieldError(OWNER, "must have at most " + Caller.MAX_ID_LENGTH + " characters"));
      return null;
    }
    return ownerId;
  }

  private static String currency(String currency, List<FieldError> errors) {
    if (currency == null || currency.isBlank()) {
      return null;
    }
    String code = currency.strip().toUpperCase(Locale.ROOT);
    if (!Money.isIsoCurrency(code)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code, such as EUR"));
      return null;
    }
    return code;
  }

  private static void inOrder(String fromName, LocalDate from, String toName, LocalDate to, List<FieldError> errors) {
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError(fromName, "must not be after " + toName));
    }
  }

  private static void failOn(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
