package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.asSeller;
import static org.leadflow.opportunity.Pipeline.etag;
import static org.leadflow.opportunity.Pipeline.money;
import static org.leadflow.opportunity.Pipeline.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Editing an opportunity: JSON Merge Patch with If-Match (412 when stale, 428 when missing), the
 * owner changed only by a sales manager, every change kept in the audit history.
 */
@QuarkusTest
class OpportunityEditTest {

  private static final String OWNER = "seller-edit-" + QualifiedLead.marker();
  private static Pipeline pipeline;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  private static UUID newOpportunity() {
    return pipeline.opportunity(OWNER).opportunityId;
  }

  private static ExtractableResponse<Response> read(UUID id) {
    return succeeded(asManager().get(OPPORTUNITIES + "/{id}", id).then().extract());
  }

  @Test
  void aMergePatchChangesTheMembersItNamesAndKeepsTheOthers() {
    UUID id = newOpportunity();
    Map<String, Object> edit = new HashMap<>();
    edit.put("name", "Census engines");
    edit.put("description", "Engines for the 1890 census");
    edit.put("estimatedCloseDate", "2026-10-31");
    edit.put("probability", 25);
    edit.put("customerNeed", "Faster tabulation");
    edit.put("proposedSolution", "Two engines");
    edit.put("finalProposalDate", "2026-08-15");

    ExtractableResponse<Response> edited = succeeded(patch(id, edit));

    edit.forEach((member, value) -> assertThat(edited.<Object>path(member)).as(member).isEqualTo(value));
    assertThat(edited.<String>path("ownerId")).isEqualTo(OWNER);
    assertThat(edited.<String>path("estimatedValue.amount")).isEqualTo("40000.00");
    assertThat(edited.header("ETag")).isNotEqualTo("\"0\"").isEqualTo(etag(id));
    Map<String, Object> removal = new HashMap<>();
    removal.put("description", null);
    assertThat(succeeded(patch(id, removal)).<String>path("description")).isNull();
    assertThat(read(id).<String>path("name")).isEqualTo("Census engines");
  }

  @Test
  void everyChangeIsKeptInTheHistoryWithWhoAndTheOldAndNewValues() {
    UUID id = newOpportunity();
    succeeded(patch(id, Map.of("probability", 30, "customerNeed", "Faster tabulation")));
    succeeded(patch(asSeller(OWNER), id, etag(id), Map.of("probability", 35)));

    ExtractableResponse<Response> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", id).then().extract());

    assertThat(history.<Integer>path("total")).isEqualTo(2);
    assertThat(history.<List<String>>path("items.action")).containsExactly("updated", "updated");
    assertThat(history.<String>path("items[0].actor.id")).isEqualTo(OWNER);
    assertThat(history.<List<String>>path("items[0].changes.field")).containsExactly("probability");
    assertThat(history.<Integer>path("items[0].changes[0].oldValue")).isEqualTo(30);
    assertThat(history.<Integer>path("items[0].changes[0].newValue")).isEqualTo(35);
    assertThat(history.<String>path("items[1].actor.id")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(history.<String>path("items[1].actor.name")).isEqualTo(TestTokens.DEFAULT_CALLER_NAME);
    assertThat(history.<List<String>>path("items[1].changes.field")).containsExactly("probability", "customerNeed");
    assertThat(history.<Integer>path("items[1].changes[0].oldValue")).isEqualTo(10);
    assertThat(history.<String>path("items[1].changes[1].oldValue")).isNull();
    assertThat(succeeded(asManager().queryParam("size", 1).get(OPPORTUNITIES + "/{id}/history", id).then().extract()).<List<?>>path("items")).hasSize(1);
  }

  @Test
  void anEditWithoutIfMatchIsPreconditionRequiredAndChangesNothing() {
    UUID id = newOpportunity();

    ExtractableResponse<Response> refused = problem(patch(asManager(), id, null, Map.of("name", "No precondition")), 428);

    assertThat(refused.<String>path("type")).endsWith("/precondition-required");
    assertThat(read(id).<String>path("name")).isNotEqualTo("No precondition");
  }

  @Test
  void anEditBasedOnAStaleVersionIsRefusedWithTheCurrentETag() {
    UUID id = newOpportunity();
    String first = etag(id);
    succeeded(patch(asManager(), id, first, Map.of("name", "First edit")));

    ExtractableResponse<Response> refused = problem(patch(asManager(), id, first, Map.of("name", "Second edit")), 412);

    assertThat(refused.header("ETag")).isEqualTo(etag(id));
    assertThat(read(id).<String>path("name")).isEqualTo("First edit");
  }

  @Test
  void anIfMatchThatIsNoETagIsABadRequest() {
    UUID id = newOpportunity();

    assertThat(invalidFields(patch(asManager(), id, "yesterday", Map.of("name", "x")))).containsExactly("If-Match");
  }

  @Test
  void onlyASalesManagerGivesTheOpportunityToAnotherOwner() {
    UUID id = newOpportunity();

    problem(patch(asSeller(OWNER), id, etag(id), Map.of("ownerId", "seller-someone-else")), 403);
    assertThat(read(id).<String>path("ownerId")).isEqualTo(OWNER);

    String other = "seller-new-owner-" + QualifiedLead.marker();
    assertThat(succeeded(patch(id, Map.of("ownerId", other))).<String>path("ownerId")).isEqualTo(other);
    problem(asSeller(OWNER).get(OPPORTUNITIES + "/{id}", id).then().extract(), 404);
    succeeded(asSeller(other).get(OPPORTUNITIES + "/{id}", id).then().extract());
  }

  @Test
  void invalidValuesAreRefusedTogetherAndNothingChanges() {
    UUID id = newOpportunity();
    String before = etag(id);
    Map<String, Object> edit = new HashMap<>();
    edit.put("name", " ");
    edit.put("probability", 101);
    edit.put("finalProposalDate", "10000-01-01");

    assertThat(invalidFields(patch(id, Map.of("name", " ", "probability", 101)))).containsExactlyInAnyOrder("name", "probability");
    assertThat(invalidFields(patch(id, Map.of("estimatedCloseDate", "1899-12-31")))).containsExactly("estimatedCloseDate");
    assertThat(invalidFields(patch(id, Map.of("nickname", "x")))).containsExactly("nickname");
    assertThat(invalidFields(patch(id, Map.of("probability", "high")))).containsExactly("probability");
    assertThat(invalidFields(patch(id, Map.of("estimatedValue", money("12.345", "EUR"))))).containsExactly("estimatedValue.amount");
    assertThat(invalidFields(patch(id, Map.of("estimatedValue", money("12", "EURO"))))).containsExactly("estimatedValue.currency");
    assertThat(invalidFields(patch(id, Map.of("estimatedValueSource", "guess")))).containsExactly("estimatedValueSource");
    Map<String, Object> required = new HashMap<>();
    required.put("name", null);
    required.put("probability", null);
    assertThat(invalidFields(patch(id, required))).containsExactlyInAnyOrder("name", "probability");
    assertThat(invalidFields(patch(id, List.of(1)))).containsExactly("body");
    assertThat(etag(id)).isEqualTo(before);
  }

  @Test
  void settingTheEstimatedValueMakesItUserProvided() {
    QualifiedLead lead = new QualifiedLead();
    lead.ownerId = OWNER;
    lead.line("Engine", "2", "100.00", "GBP");
    UUID id = pipeline.converted(lead).opportunityId;
    assertThat(read(id).<String>path("estimatedValueSource")).isEqualTo("lines");

    ExtractableResponse<Response> edited = succeeded(patch(id, Map.of("estimatedValue", money("150.00", "GBP"))));

    assertThat(edited.<String>path("estimatedValueSource")).isEqualTo("user");
    assertThat(edited.<String>path("estimatedValue.amount")).isEqualTo("150.00");
    assertThat(invalidFields(patch(id, Map.of("estimatedValue", money("150.00", "GBP"), "estimatedValueSource", "lines"))))
        .containsExactly("estimatedValue");
    ExtractableResponse<Response> back = succeeded(patch(id, Map.of("estimatedValueSource", "lines")));
    assertThat(back.<String>path("estimatedValue.amount")).isEqualTo("200.00");
    assertThat(problem(patch(id, Map.of("estimatedValue", money("150.00", "EUR"))), 422).<List<String>>path("errors.field"))
        .containsExactly("estimatedValue");
  }
}
