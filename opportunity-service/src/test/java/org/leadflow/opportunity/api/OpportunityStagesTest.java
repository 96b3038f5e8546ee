package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.STAGES;
import static org.leadflow.opportunity.Pipeline.action;
import static org.leadflow.opportunity.Pipeline.addLine;
import static org.leadflow.opportunity.Pipeline.as;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.etag;
import static org.leadflow.opportunity.Pipeline.line;
import static org.leadflow.opportunity.Pipeline.moveTo;
import static org.leadflow.opportunity.Pipeline.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.contracts.opportunity.OpportunityStageChanged;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * The stages Qualify → Develop → Propose → Close: each move forward needs the data the stages up to
 * the target require (by default Develop: customer need and proposed solution; Propose: a line and
 * an estimated value; Close: a final proposal date), moving back needs nothing, the probability
 * becomes the stage's default, every move is kept in the stage history and published.
 */
@QuarkusTest
class OpportunityStagesTest {

  private static final String OWNER = "seller-stages-" + QualifiedLead.marker();
  private static final String ADMIN = TestTokens.admin("admin-stages");
  private static Pipeline pipeline;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  /** Tests that configure a stage put the defaults back, for the others. */
  @AfterEach
  void restoreDefaultStageSettings() {
    configure("Develop", 40, List.of("customerNeed", "proposedSolution"));
    configure("Propose", 60, List.of("lines", "estimatedValue"));
  }

  private static ExtractableResponse<Response> configure(String stage, int probability, List<String> required) {
    return as(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("defaultProbability", probability, "requiredData", required))
        .put(STAGES + "/{stage}", stage)
        .then()
        .extract();
  }

  /** An opportunity without lines or value (its lead had no budget), in Qualify. */
  private static UUID newOpportunity() {
    QualifiedLead lead = new QualifiedLead();
    lead.ownerId = OWNER;
    lead.budget = null;
    return pipeline.converted(lead).opportunityId;
  }

  /** An opportunity with everything every stage asks for by default. */
  private static UUID readyForEveryStage() {
    UUID id = newOpportunity();
    succeeded(patch(id, Map.of("customerNeed", "Faster tabulation", "proposedSolution", "Two engines", "finalProposalDate", "2026-08-15")));
    succeeded(addLine(id, line("Engine", "2", "1250.00", "GBP")));
    return id;
  }

  @Test
  void aNewOpportunityIsInQualifyWithItsDefaultProbabilityAndOneStageStay() {
    UUID id = newOpportunity();

    ExtractableResponse<Response> opportunity = succeeded(asManager().get(OPPORTUNITIES + "/{id}", id).then().extract());
    assertThat(opportunity.<String>path("stage")).isEqualTo("Qualify");
    assertThat(opportunity.<Integer>path("probability")).isEqualTo(10);
    ExtractableResponse<Response> stays = succeeded(asManager().get(OPPORTUNITIES + "/{id}/stage-history", id).then().extract());
    assertThat(stays.<List<String>>path("items.stage")).containsExactly("Qualify");
    assertThat(stays.<String>path("items[0].leftAt")).isNull();
  }

  @Test
  void developIsRefusedWithoutCustomerNeedAndProposedSolutionNamingBoth() {
    UUID id = newOpportunity();
    String before = etag(id);

    ExtractableResponse<Response> refused = problem(moveTo(id, "Develop"), 422);

    assertThat(refused.<String>path("type")).endsWith("/stage-data-missing");
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("customerNeed", "proposedSolution");
    assertThat(refused.<String>path("detail")).contains("Develop");
    assertThat(etag(id)).as("nothing changed").isEqualTo(before);
  }

  @Test
  void developNamesOnlyWhatIsStillMissing() {
    UUID id = newOpportunity();
    succeeded(patch(id, Map.of("customerNeed", "Faster tabulation")));

    assertThat(problem(moveTo(id, "Develop"), 422).<List<String>>path("errors.field")).containsExactly("proposedSolution");
  }

  @Test
  void everyMoveForwardIsAllowedOnceItsDataIsThereAndPublished() {
    UUID id = newOpportunity();
    succeeded(patch(id, Map.of("customerNeed", "Faster tabulation", "proposedSolution", "Two engines")));

    ExtractableResponse<Response> develop = succeeded(moveTo(id, "Develop"));
    assertThat(develop.<String>path("stage")).isEqualTo("Develop");
    assertThat(develop.<Integer>path("probability")).isEqualTo(40);
    assertThat(develop.header("ETag")).isEqualTo(etag(id));

    assertThat(problem(moveTo(id, "Propose"), 422).<List<String>>path("errors.field")).containsExactly("estimatedValue", "lines");
    succeeded(addLine(id, line("Engine", "2", "1250.00", "GBP")));
    assertThat(succeeded(moveTo(id, "Propose")).<Integer>path("probability")).isEqualTo(60);

    assertThat(problem(moveTo(id, "Close"), 422).<List<String>>path("errors.field")).containsExactly("finalProposalDate");
    succeeded(patch(id, Map.of("finalProposalDate", "2026-08-15")));
    assertThat(succeeded(moveTo(id, "Close")).<Integer>path("probability")).isEqualTo(80);

    List<OpportunityStageChanged> moves = pipeline.published(id, OpportunityEventTypes.STAGE_CHANGED, 3, OpportunityStageChanged.class);
    assertThat(moves).extracting(OpportunityStageChanged::from).containsExactly("Qualify", "Develop", "Propose");
    assertThat(moves).extracting(OpportunityStageChanged::to).containsExactly("Develop", "Propose", "Close");
    assertThat(moves).extracting(OpportunityStageChanged::probability).containsExactly(40, 60, 80);
    assertThat(moves.get(0).originatingLeadId()).isNotNull();
    assertThat(moves.get(0).ownerId()).isEqualTo(OWNER);
  }

  @Test
  void skippingStagesNeedsTheDataOfEveryStageOnTheWay() {
    UUID id = newOpportunity();

    ExtractableResponse<Response> refused = problem(moveTo(id, "Close"), 422);

    assertThat(refused.<List<String>>path("errors.field"))
        .containsExactly("customerNeed", "proposedSolution", "estimatedValue", "finalProposalDate", "lines");
    UUID ready = readyForEveryStage();
    assertThat(succeeded(moveTo(ready, "Close")).<String>path("stage")).isEqualTo("Close");
  }

  @ParameterizedTest(name = "from {0} back to {1}")
  @CsvSource({"Close, Propose", "Close, Qualify", "Propose, Develop", "Develop, Qualify"})
  void movingBackIsAlwaysAllowed(String from, String back) {
    UUID id = readyForEveryStage();
    succeeded(moveTo(id, from));
    // Data the later stages required may go: moving back does not ask for it.
    succeeded(patch(id, Map.of("customerNeed", "", "finalProposalDate", "2026-08-16")));

    ExtractableResponse<Response> moved = succeeded(moveTo(id, back));

    assertThat(moved.<String>path("stage")).isEqualTo(back);
    assertThat(pipeline.published(id, OpportunityEventTypes.STAGE_CHANGED, 2, OpportunityStageChanged.class).get(1).to()).isEqualTo(back);
  }

  @Test
  void movingToTheStageItIsInChangesNothingAndPublishesNothing() {
    UUID id = newOpportunity();
    String before = etag(id);

    ExtractableResponse<Response> same = succeeded(moveTo(id, "Qualify"));

    assertThat(same.header("ETag")).isEqualTo(before);
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}/stage-history", id).then().extract()).<Integer>path("total")).isEqualTo(1);
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", id).then().extract()).<List<?>>path("items")).isEmpty();
  }

  @Test
  void theStageHistoryKeepsEachStayWithItsTimeInStage() {
    UUID id = readyForEveryStage();
    succeeded(moveTo(id, "Develop"));
    succeeded(moveTo(id, "Qualify"));

    ExtractableResponse<Response> stays = succeeded(asManager().get(OPPORTUNITIES + "/{id}/stage-history", id).then().extract());

    assertThat(stays.<List<String>>path("items.stage")).containsExactly("Qualify", "Develop", "Qualify");
    assertThat(stays.<String>path("items[0].leftAt")).isEqualTo(stays.<String>path("items[1].enteredAt"));
    assertThat(stays.<String>path("items[1].enteredBy")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(stays.<String>path("items[2].leftAt")).isNull();
    assertThat(Duration.parse(stays.<String>path("items[0].timeInStage"))).isPositive();
    assertThat(stays.<Integer>path("items[0].timeInStageSeconds")).isNotNegative();
    ExtractableResponse<Response> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", id).then().extract());
    assertThat(history.<String>path("items[0].action")).isEqualTo("stage-changed");
    assertThat(history.<String>path("items[0].changes[0].field")).isEqualTo("stage");
    assertThat(history.<String>path("items[0].changes[0].oldValue")).isEqualTo("Develop");
    assertThat(history.<String>path("items[0].changes[0].newValue")).isEqualTo("Qualify");
  }

  @Test
  void theSellerMayOverrideTheStagesProbabilityUntilTheNextMove() {
    UUID id = readyForEveryStage();
    succeeded(moveTo(id, "Develop"));

    assertThat(succeeded(patch(id, Map.of("probability", 55))).<Integer>path("probability")).isEqualTo(55);
    assertThat(succeeded(moveTo(id, "Propose")).<Integer>path("probability")).isEqualTo(60);
  }

  @Test
  void anUnknownOrMissingStageIsABadRequest() {
    UUID id = newOpportunity();

    assertThat(invalidFields(moveTo(id, "Negotiate"))).containsExactly("stage");
    assertThat(invalidFields(action(asManager(), id, "stage", Map.of()))).containsExactly("stage");
  }

  @Test
  void aClosedOpportunityChangesNoStage() {
    UUID id = newOpportunity();
    succeeded(action(asManager(), id, "lose", Map.of("statusReason", "Canceled")));

    ExtractableResponse<Response> refused = problem(moveTo(id, "Develop"), 409);

    assertThat(refused.<String>path("state")).isEqualTo("Lost");
    assertThat(refused.<String>path("action")).isEqualTo("move-stage");
  }

  @Test
  void aStaleIfMatchMovesNothing() {
    UUID id = readyForEveryStage();

    ExtractableResponse<Response> refused = problem(asManager().header("If-Match", "\"0\"").contentType(ContentType.JSON)
        .body(Map.of("stage", "Develop")).post(OPPORTUNITIES + "/{id}/stage", id).then().extract(), 412);

    assertThat(refused.header("ETag")).isEqualTo(etag(id));
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}", id).then().extract()).<String>path("stage")).isEqualTo("Qualify");
  }

  @Test
  void anAdminConfiguresWhatAStageRequiresAndItsProbability() {
    ExtractableResponse<Response> configured = succeeded(configure("Develop", 35, List.of("contactId", "description")));
    assertThat(configured.<List<String>>path("requiredData")).containsExactly("description", "contactId");
    assertThat(configured.<String>path("updatedBy")).isEqualTo("admin-stages");
    UUID id = newOpportunity();

    assertThat(problem(moveTo(id, "Develop"), 422).<List<String>>path("errors.field")).containsExactly("description");
    succeeded(patch(id, Map.of("description", "Engines for the census")));
    assertThat(succeeded(moveTo(id, "Develop")).<Integer>path("probability")).isEqualTo(35);

    ExtractableResponse<Response> listed = succeeded(as(TestTokens.seller(OWNER)).get(STAGES).then().extract());
    assertThat(listed.<List<String>>path("items.stage")).containsExactly("Qualify", "Develop", "Propose", "Close");
    assertThat(listed.<Integer>path("items[1].defaultProbability")).isEqualTo(35);
  }

  @Test
  void aStageSettingWithUnknownDataOrProbabilityIsRefused() {
    assertThat(invalidFields(configure("Develop", 101, List.of("budget", "lines")))).containsExactly("requiredData[0]", "defaultProbability");
    assertThat(invalidFields(configure("Negotiate", 50, List.of()))).containsExactly("stage");
    assertThat(succeeded(asManager().get(STAGES).then().extract()).<Integer>path("items[1].defaultProbability")).isEqualTo(40);
  }
}
