package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.action;
import static org.leadflow.opportunity.Pipeline.addLine;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.etag;
import static org.leadflow.opportunity.Pipeline.line;
import static org.leadflow.opportunity.Pipeline.money;
import static org.leadflow.opportunity.Pipeline.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.contracts.Money;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.contracts.opportunity.OpportunityLost;
import org.leadflow.contracts.opportunity.OpportunityReopened;
import org.leadflow.contracts.opportunity.OpportunityWon;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Closing an opportunity as Dynamics does: won (Won/Won 3, with actual revenue and close date) or
 * lost (Lost/Canceled 4 or Lost/Out-Sold 5, with competitor and note), reopened (Open/In Progress),
 * put on hold and resumed (Open/On Hold 2); won, lost and reopened are published naming the lead.
 */
@QuarkusTest
class OpportunityCloseTest {

  private static final String OWNER = "seller-close-" + QualifiedLead.marker();
  private static Pipeline pipeline;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  private static QualifiedLead newOpportunity() {
    return pipeline.opportunity(OWNER);
  }

  @Test
  void winningClosesWithTheActualRevenueAndDateAndPublishesWonWithTheLead() {
    QualifiedLead lead = newOpportunity();

    ExtractableResponse<Response> won =
        succeeded(action(asManager(), lead.opportunityId, "win",
            Map.of("actualRevenue", money("38500.00", "GBP"), "actualCloseDate", "2026-09-28", "note", "Signed")));

    assertThat(won.<String>path("state")).isEqualTo("Won");
    assertThat(won.<String>path("statusReason")).isEqualTo("Won");
    assertThat(won.<Integer>path("statusReasonCode")).isEqualTo(3);
    assertThat(won.<String>path("actualRevenue.amount")).isEqualTo("38500.00");
    assertThat(won.<String>path("actualCloseDate")).isEqualTo("2026-09-28");
    assertThat(won.<String>path("closeNote")).isEqualTo("Signed");
    assertThat(won.<String>path("closedAt")).isNotNull();
    OpportunityWon event = pipeline.published(lead.opportunityId, OpportunityEventTypes.WON, 1, OpportunityWon.class).get(0);
    assertThat(event.originatingLeadId()).isEqualTo(lead.leadId);
    assertThat(event.statusReasonCode()).isEqualTo(3);
    assertThat(event.actualRevenue()).isEqualTo(new Money("38500.00", "GBP"));
    assertThat(event.estimatedValue()).isEqualTo(new Money("40000.00", "GBP"));
    assertThat(event.actualCloseDate()).isEqualTo(LocalDate.of(2026, 9, 28));
    assertThat(event.ownerId()).isEqualTo(OWNER);
  }

  @Test
  void winningWithoutDetailsTakesTheEstimatedValueAndToday() {
    QualifiedLead lead = newOpportunity();

    ExtractableResponse<Response> won = succeeded(action(asManager(), lead.opportunityId, "win", Map.of()));

    assertThat(won.<String>path("actualRevenue.amount")).isEqualTo("40000.00");
    assertThat(won.<String>path("actualCloseDate")).isIn(
        LocalDate.now(ZoneOffset.UTC).toString(), LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
  }

  @Test
  void anActualRevenueInAnotherCurrencyIsRefused() {
    QualifiedLead lead = newOpportunity();

    ExtractableResponse<Response> refused = problem(action(asManager(), lead.opportunityId, "win", Map.of("actualRevenue", money("10.00", "USD"))), 422);

    assertThat(refused.<String>path("type")).endsWith("/currency-mismatch");
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("actualRevenue");
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}", lead.opportunityId).then().extract()).<String>path("state")).isEqualTo("Open");
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({"Canceled, 4", "Out-Sold, 5"})
  void losingClosesWithTheReasonCompetitorAndNoteAndPublishesLostWithTheLead(String reason, int code) {
    QualifiedLead lead = newOpportunity();

    ExtractableResponse<Response> lost =
        succeeded(action(asManager(), lead.opportunityId, "lose",
            Map.of("statusReason", reason, "competitor", "Babbage & Co", "note", "Lower price", "actualCloseDate", "2026-09-01")));

    assertThat(lost.<String>path("state")).isEqualTo("Lost");
    assertThat(lost.<String>path("statusReason")).isEqualTo(reason);
    assertThat(lost.<Integer>path("statusReasonCode")).isEqualTo(code);
    assertThat(lost.<String>path("competitor")).isEqualTo("Babbage & Co");
    assertThat(lost.<String>path("actualRevenue")).isNull();
    OpportunityLost event = pipeline.published(lead.opportunityId, OpportunityEventTypes.LOST, 1, OpportunityLost.class).get(0);
    assertThat(event.originatingLeadId()).isEqualTo(lead.leadId);
    assertThat(event.statusReason()).isEqualTo(reason);
    assertThat(event.statusReasonCode()).isEqualTo(code);
    assertThat(event.competitor()).isEqualTo("Babbage & Co");
    assertThat(event.note()).isEqualTo("Lower price");
    assertThat(event.stage()).isEqualTo("Qualify");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Won", "In Progress", "On Hold", "Lost", "Cancelled"})
  void losingNeedsCanceledOrOutSold(String reason) {
    QualifiedLead lead = newOpportunity();

    assertThat(invalidFields(action(asManager(), lead.opportunityId, "lose", Map.of("statusReason", reason)))).containsExactly("statusReason");
    assertThat(invalidFields(action(asManager(), lead.opportunityId, "lose", Map.of("competitor", "Babbage & Co")))).containsExactly("statusReason");
  }

  @Test
  void reopeningALostOpportunityOpensItInProgressAndPublishesReopened() {
    QualifiedLead lead = newOpportunity();
    succeeded(action(asManager(), lead.opportunityId, "lose", Map.of("statusReason", "Out-Sold", "competitor", "Babbage & Co")));

    ExtractableResponse<Response> reopened = succeeded(action(asManager(), lead.opportunityId, "reopen", null));

    assertThat(reopened.<String>path("state")).isEqualTo("Open");
    assertThat(reopened.<String>path("statusReason")).isEqualTo("In Progress");
    assertThat(reopened.<String>path("competitor")).isNull();
    assertThat(reopened.<String>path("actualCloseDate")).isNull();
    OpportunityReopened event = pipeline.published(lead.opportunityId, OpportunityEventTypes.REOPENED, 1, OpportunityReopened.class).get(0);
    assertThat(event.originatingLeadId()).isEqualTo(lead.leadId);
    assertThat(event.previousState()).isEqualTo("Lost");
    assertThat(event.previousStatusReason()).isEqualTo("Out-Sold");
    assertThat(event.statusReasonCode()).isEqualTo(1);
    // The history keeps how it had been closed.
    ExtractableResponse<Response> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", lead.opportunityId).then().extract());
    assertThat(history.<List<String>>path("items.action")).containsExactly("reopened", "lost");
    assertThat(history.<List<String>>path("items[1].changes.field")).contains("state", "statusReason", "competitor");
  }

  @Test
  void aReopenedOpportunityCanBeWonAgain() {
    QualifiedLead lead = newOpportunity();
    succeeded(action(asManager(), lead.opportunityId, "win", Map.of()));
    succeeded(action(asManager(), lead.opportunityId, "reopen", null));

    assertThat(succeeded(action(asManager(), lead.opportunityId, "win", Map.of())).<String>path("state")).isEqualTo("Won");
    assertThat(pipeline.published(lead.opportunityId, OpportunityEventTypes.WON, 2, OpportunityWon.class)).hasSize(2);
  }

  @Test
  void aClosedOpportunityIsNeitherClosedAgainNorEditedAndAnOpenOneIsNotReopened() {
    QualifiedLead lead = newOpportunity();
    assertThat(problem(action(asManager(), lead.opportunityId, "reopen", null), 409).<String>path("action")).isEqualTo("reopen");
    succeeded(action(asManager(), lead.opportunityId, "win", Map.of()));
    String won = etag(lead.opportunityId);

    for (String closing : List.of("win", "lose")) {
      ExtractableResponse<Response> refused =
          problem(action(asManager(), lead.opportunityId, closing, closing.equals("win") ? Map.of() : Map.of("statusReason", "Canceled")), 409);
      assertThat(refused.<String>path("state")).isEqualTo("Won");
      assertThat(refused.<String>path("statusReason")).isEqualTo("Won");
    }
    problem(patch(lead.opportunityId, Map.of("name", "Renamed")), 409);
    problem(addLine(lead.opportunityId, line("Engine", "1", "1.00", "GBP")), 409);
    problem(action(asManager(), lead.opportunityId, "hold", null), 409);
    assertThat(etag(lead.opportunityId)).isEqualTo(won);
  }

  @Test
  void anOpportunityIsPutOnHoldAndResumed() {
    QualifiedLead lead = newOpportunity();

    ExtractableResponse<Response> held = succeeded(action(asManager(), lead.opportunityId, "hold", null));
    assertThat(held.<String>path("statusReason")).isEqualTo("On Hold");
    assertThat(held.<Integer>path("statusReasonCode")).isEqualTo(2);
    problem(action(asManager(), lead.opportunityId, "hold", null), 409);

    ExtractableResponse<Response> resumed = succeeded(action(asManager(), lead.opportunityId, "resume", null));
    assertThat(resumed.<String>path("statusReason")).isEqualTo("In Progress");
    problem(action(asManager(), lead.opportunityId, "resume", null), 409);
  }

  @Test
  void anOpportunityOnHoldCanBeLost() {
    QualifiedLead lead = newOpportunity();
    succeeded(action(asManager(), lead.opportunityId, "hold", null));

    assertThat(succeeded(action(asManager(), lead.opportunityId, "lose", Map.of("statusReason", "Canceled"))).<String>path("state")).isEqualTo("Lost");
  }

  @Test
  void aStaleIfMatchClosesNothing() {
    QualifiedLead lead = newOpportunity();
    String current = etag(lead.opportunityId);
    succeeded(patch(lead.opportunityId, Map.of("description", "changed meanwhile")));

    ExtractableResponse<Response> refused = problem(action(asManager().header("If-Match", current), lead.opportunityId, "win", Map.of()), 412);

    assertThat(refused.header("ETag")).isEqualTo(etag(lead.opportunityId));
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}", lead.opportunityId).then().extract()).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void aRepeatedWinWithTheSameIdempotencyKeyAnswersTheFirstResultAndWinsOnce() {
    QualifiedLead lead = newOpportunity();
    String key = "win-" + UUID.randomUUID();
    Map<String, Object> win = Map.of("actualCloseDate", "2026-09-28");

    ExtractableResponse<Response> first = succeeded(action(asManager().header("Idempotency-Key", key), lead.opportunityId, "win", win));
    ExtractableResponse<Response> repeat = succeeded(action(asManager().header("Idempotency-Key", key), lead.opportunityId, "win", win));

    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(repeat.<String>path("state")).isEqualTo("Won");
    ExtractableResponse<Response> otherRequest =
        problem(action(asManager().header("Idempotency-Key", key), lead.opportunityId, "win", Map.of("actualCloseDate", "2026-09-29")), 422);
    assertThat(otherRequest.<String>path("type")).endsWith("/idempotency-key-reused");
    ExtractableResponse<Response> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", lead.opportunityId).then().extract());
    assertThat(history.<List<String>>path("items.action")).containsExactly("won");
  }

  @Test
  void closeDataOutOfRangeIsABadRequest() {
    UUID id = newOpportunity().opportunityId;

    assertThat(invalidFields(action(asManager(), id, "win", Map.of("actualCloseDate", "1899-12-31")))).containsExactly("actualCloseDate");
    assertThat(invalidFields(action(asManager(), id, "win", Map.of("actualRevenue", money("-1.00", "GBP"))))).containsExactly("actualRevenue");
    assertThat(invalidFields(action(asManager(), id, "win", Map.of("actualRevenue", money("1.001", "GBP"))))).containsExactly("actualRevenue.amount");
    assertThat(invalidFields(action(asManager(), id, "lose", Map.of("statusReason", "Canceled", "competitor", "x".repeat(201)))))
        .containsExactly("competitor");
    assertThat(invalidFields(action(asManager(), id, "win", Map.of("unknown", 1)))).containsExactly("unknown");
  }
}
