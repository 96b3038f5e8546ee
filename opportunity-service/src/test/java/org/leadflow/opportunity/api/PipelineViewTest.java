package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.action;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.asSeller;
import static org.leadflow.opportunity.Pipeline.money;
import static org.leadflow.opportunity.Pipeline.moveTo;
import static org.leadflow.opportunity.Pipeline.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * The pipeline view and the funnel (opportunity-service README, "Pipeline view and funnel"): open
 * opportunities summed by stage and close month, per currency and never across currencies, with
 * probability-weighted values; the funnel of leads created in a period, from lead events; a seller's
 * own figures only; every invalid parameter a 400 naming it.
 */
@QuarkusTest
class PipelineViewTest {

  private static final String PIPELINE = "/api/v1/pipeline";
  private static final String FUNNEL = PIPELINE + "/funnel";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private static Pipeline pipeline;
  private static LeadEvents leadEvents;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
    leadEvents = new LeadEvents();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
    leadEvents.close();
  }

  private static ExtractableResponse<Response> view(RequestSpecification request, Map<String, ?> query) {
    return succeeded(request.queryParams(new HashMap<>(query)).get(PIPELINE).then().extract());
  }

  @Test
  void theOpenOpportunitiesAreSummedByStageAndCloseMonthPerCurrencyWithTheirWeightedValues() {
    String owner = "seller-" + QualifiedLead.marker();
    // Converted with the lead's budget as its value: 40000.00 GBP, Qualify (10 %), closing 2026-09-30.
    UUID budgeted = pipeline.opportunity(owner).opportunityId;
    UUID yen = pipeline.opportunity(owner).opportunityId;
    succeeded(patch(yen, Map.of("estimatedValue", money("1800001", "JPY"), "estimatedCloseDate", "2026-11-15", "probability", 33)));
    UUID developed = pipeline.opportunity(owner).opportunityId;
    succeeded(patch(developed, Map.of("estimatedValue", money("1000.05", "GBP"), "customerNeed", "Faster tabulation", "proposedSolution", "Two engines")));
    succeeded(moveTo(developed, "Develop"));
    UUID unvalued = pipeline.opportunity(owner).opportunityId;
    Map<String, Object> nothing = new HashMap<>();
    nothing.put("estimatedValue", null);
    nothing.put("estimatedCloseDate", null);
    succeeded(patch(unvalued, nothing));
    UUID won = pipeline.opportunity(owner).opportunityId;
    succeeded(action(asManager(), won, "win", Map.of()));

    ExtractableResponse<Response> figures = view(asManager(), Map.of("ownerId", owner));

    assertThat(figures.<List<String>>path("byStage.stage")).containsExactly("Qualify", "Develop", "Propose", "Close");
    assertThat(figures.<List<Integer>>path("byStage.count")).containsExactly(3, 1, 0, 0);
    assertThat(figures.<List<Map<String, Object>>>path("byStage[0].amounts"))
        .containsExactly(amount("GBP", 1, "40000.00", "4000.00"), amount("JPY", 1, "1800001", "594000"));
    assertThat(figures.<List<Map<String, Object>>>path("byStage[1].amounts")).containsExactly(amount("GBP", 1, "1000.05", "400.02"));
    assertThat(figures.<List<String>>path("byCloseMonth.month")).containsExactly("2026-09", "2026-11");
    assertThat(figures.<List<Map<String, Object>>>path("byCloseMonth[0].amounts")).containsExactly(amount("GBP", 2, "41000.05", "4400.02"));
    assertThat(figures.<Integer>path("withoutCloseDate.count")).isEqualTo(1);
    assertThat(figures.<List<?>>path("withoutCloseDate.amounts")).isEmpty();
    assertThat(figures.<Integer>path("total.count")).isEqualTo(4);
    assertThat(figures.<List<String>>path("total.amounts.currency")).containsExactly("GBP", "JPY");

    ExtractableResponse<Response> inYen = view(asManager(), Map.of("ownerId", owner, "currency", "jpy"));
    assertThat(inYen.<Integer>path("total.count")).isEqualTo(1);
    assertThat(inYen.<String>path("filters.currency")).isEqualTo("JPY");
    ExtractableResponse<Response> fromOctober = view(asManager(), Map.of("ownerId", owner, "closeDateFrom", "2026-10-01", "closeDateTo", "2026-12-31"));
    assertThat(fromOctober.<List<String>>path("byCloseMonth.month")).containsExactly("2026-11");
    assertThat(fromOctober.<Integer>path("withoutCloseDate.count")).isZero();
  }

  @Test
  void aSellerSeesOnlyTheirOwnFiguresAndAnotherOwnersAreEmpty() {
    String alice = "seller-alice-" + QualifiedLead.marker();
    String bob = "seller-bob-" + QualifiedLead.marker();
    pipeline.opportunity(alice);
    pipeline.opportunity(bob);
    pipeline.opportunity(bob);

    assertThat(view(asSeller(alice), Map.of()).<Integer>path("total.count")).isEqualTo(1);
    assertThat(view(asSeller(alice), Map.of("ownerId", alice)).<Integer>path("total.count")).isEqualTo(1);
    ExtractableResponse<Response> bobsForAlice = view(asSeller(alice), Map.of("ownerId", bob));
    assertThat(bobsForAlice.<Integer>path("total.count")).isZero();
    assertThat(bobsForAlice.<List<Integer>>path("byStage.count")).containsOnly(0);
    assertThat(view(asManager(), Map.of("ownerId", bob)).<Integer>path("total.count")).isEqualTo(2);
  }

  @Test
  void theFunnelCountsTheLeadsCreatedInThePeriodThoseOfThemQualifiedAndTheirWonOpportunities() {
    String owner = "seller-" + QualifiedLead.marker();
    String other = "seller-" + QualifiedLead.marker();
    Instant inPeriod = Instant.parse("2026-02-10T09:00:00Z");
    QualifiedLead qualifiedAndWon = lead(owner);
    QualifiedLead qualified = lead(owner);
    QualifiedLead open = lead(owner);
    UUID createdEvent = UUID.randomUUID();
    leadEvents.created(createdEvent, qualifiedAndWon.leadId, owner, inPeriod);
    leadEvents.created(UUID.randomUUID(), qualified.leadId, owner, inPeriod.plusSeconds(60));
    leadEvents.created(UUID.randomUUID(), open.leadId, owner, Instant.parse("2026-03-31T23:59:59Z"));
    leadEvents.created(UUID.randomUUID(), UUID.randomUUID(), owner, Instant.parse("2026-04-01T00:00:00Z"));
    // A redelivery, and another event saying the same: no second lead.
    leadEvents.created(createdEvent, qualifiedAndWon.leadId, owner, inPeriod);
    leadEvents.created(UUID.randomUUID(), qualifiedAndWon.leadId, owner, inPeriod.plusSeconds(3600));
    pipeline.converted(qualifiedAndWon);
    pipeline.converted(qualified);
    succeeded(action(asManager(), qualifiedAndWon.opportunityId, "win", Map.of("actualRevenue", money("42000.00", "GBP"))));
    Map<String, String> firstQuarter = Map.of("from", "2026-01-01", "to", "2026-03-31", "ownerId", owner);

    await().atMost(PATIENCE).untilAsserted(() -> {
      ExtractableResponse<Response> funnel = succeeded(asManager().queryParams(firstQuarter).get(FUNNEL).then().extract());
      assertThat(funnel.<Integer>path("leadsCreated")).isEqualTo(3);
      assertThat(funnel.<Integer>path("leadsQualified")).isEqualTo(2);
      assertThat(funnel.<Integer>path("opportunitiesWon")).isEqualTo(1);
    });
    ExtractableResponse<Response> funnel = succeeded(asSeller(owner).queryParams(firstQuarter).get(FUNNEL).then().extract());
    assertThat(funnel.<List<Map<String, String>>>path("wonRevenue")).containsExactly(Map.of("amount", "42000.00", "currency", "GBP"));
    assertThat(funnel.<Float>path("qualifiedPercent")).isEqualTo(66.7f);
    assertThat(funnel.<Float>path("wonPercent")).isEqualTo(50.0f);
    assertThat(funnel.<String>path("from")).isEqualTo("2026-01-01");
    ExtractableResponse<Response> forAnother = succeeded(asSeller(other).queryParams(firstQuarter).get(FUNNEL).then().extract());
    assertThat(forAnother.<Integer>path("leadsCreated")).isZero();
    assertThat(forAnother.<Object>path("qualifiedPercent")).isNull();

    leadEvents.reassigned(open.leadId, owner, other, Instant.parse("2026-06-01T10:00:00Z"));

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(succeeded(asManager().queryParams(Map.of("from", "2026-01-01", "to", "2026-03-31", "ownerId", other)).get(FUNNEL).then().extract())
                .<Integer>path("leadsCreated"))
            .isEqualTo(1));
    assertThat(succeeded(asManager().queryParams(firstQuarter).get(FUNNEL).then().extract()).<Integer>path("leadsCreated")).isEqualTo(2);
  }

  @Test
  void theFunnelCoversTheCurrentQuarterWhenNoPeriodIsGiven() {
    ExtractableResponse<Response> funnel = succeeded(asManager().get(FUNNEL).then().extract());
    java.time.LocalDate from = java.time.LocalDate.parse(funnel.path("from"));
    java.time.LocalDate to = java.time.LocalDate.parse(funnel.path("to"));
    assertThat(from.getDayOfMonth()).isEqualTo(1);
    assertThat((from.getMonthValue() - 1) % 3).isZero();
    assertThat(to).isEqualTo(from.plusMonths(3).minusDays(1));
  }

  @Test
  void everyInvalidParameterIsRefusedWithA400NamingIt() {
    assertThat(invalidFields(asManager().queryParams(Map.of("closeDateFrom", "2026-13-01", "closeDateTo", "31.12.2026", "currency", "EURO", "ownerId", "x".repeat(101))).get(PIPELINE).then().extract()))
        .containsExactlyInAnyOrder("closeDateFrom", "closeDateTo", "currency", "ownerId");
    assertThat(invalidFields(asManager().queryParams(Map.of("closeDateFrom", "2026-10-01", "closeDateTo", "2026-09-30")).get(PIPELINE).then().extract()))
        .containsExactly("closeDateFrom");
    assertThat(invalidFields(asManager().queryParam("currency", "XYZ").get(PIPELINE).then().extract())).containsExactly("currency");
    assertThat(invalidFields(asManager().queryParams(Map.of("closeDateFrom", "10000-01-01")).get(PIPELINE).then().extract())).containsExactly("closeDateFrom");
    assertThat(invalidFields(asManager().queryParams(Map.of("from", "2026-04-01", "to", "2026-03-31")).get(FUNNEL).then().extract()))
        .containsExactly("from");
    assertThat(invalidFields(asManager().queryParams(Map.of("from", "yesterday", "to", "1899-12-31", "ownerId", "o".repeat(101))).get(FUNNEL).then().extract()))
        .containsExactlyInAnyOrder("from", "to", "ownerId");
    problem(asManager().queryParam("currency", "EURO").get(PIPELINE).then().extract(), 400);
  }

  private static QualifiedLead lead(String owner) {
    QualifiedLead lead = new QualifiedLead();
    lead.ownerId = owner;
    return lead;
  }

  private static Map<String, Object> amount(String currency, int count, String value, String weighted) {
    return Map.of("currency", currency, "count", count, "value", Map.of("amount", value, "currency", currency), "weightedValue", Map.of("amount", weighted, "currency", currency));
  }
}
