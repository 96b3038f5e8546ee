package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.MERGE_PATCH;
import static org.leadflow.opportunity.Pipeline.STAGES;
import static org.leadflow.opportunity.Pipeline.as;
import static org.leadflow.opportunity.Pipeline.etag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Who may use the opportunity pipeline (docs/architecture.md, section Security and visibility): a
 * bearer token always; sellers and sales managers work on opportunities, a seller only on their
 * own (another seller's is not found, and nothing of it changes); admins and integrations on none;
 * only an admin configures the stages, which everyone but integrations may read.
 */
@QuarkusTest
class OpportunityPipelineAccessTest {

  private static final String ALICE = "seller-alice-" + QualifiedLead.marker();
  private static final String BOB = "seller-bob-" + QualifiedLead.marker();
  private static Pipeline pipeline;
  private static QualifiedLead alices;
  private static String alicesLine;

  /** Every endpoint of the pipeline about an opportunity, with a request about Alice's. */
  enum Endpoint {
    EDIT,
    MOVE_STAGE,
    WIN,
    LOSE,
    REOPEN,
    HOLD,
    RESUME,
    STAGE_HISTORY,
    HISTORY,
    ADD_LINE,
    GET_LINE,
    CHANGE_LINE,
    REMOVE_LINE;

    ExtractableResponse<Response> call(RequestSpecification request) {
      UUID id = alices.opportunityId;
      String etag = etag(id);
      RequestSpecification json = request.contentType(ContentType.JSON);
      String opportunity = OPPORTUNITIES + "/{id}";
      String line = opportunity + "/lines/{lineId}";
      return switch (this) {
        case EDIT -> request.header("If-Match", etag).contentType(MERGE_PATCH).body(Map.of("name", "Taken")).patch(opportunity, id).then().extract();
        case MOVE_STAGE -> json.body(Map.of("stage", "Develop")).post(opportunity + "/stage", id).then().extract();
        case WIN -> json.body(Map.of()).post(opportunity + "/win", id).then().extract();
        case LOSE -> json.body(Map.of("statusReason", "Canceled")).post(opportunity + "/lose", id).then().extract();
        case REOPEN -> request.post(opportunity + "/reopen", id).then().extract();
        case HOLD -> request.post(opportunity + "/hold", id).then().extract();
        case RESUME -> request.post(opportunity + "/resume", id).then().extract();
        case STAGE_HISTORY -> request.get(opportunity + "/stage-history", id).then().extract();
        case HISTORY -> request.get(opportunity + "/history", id).then().extract();
        case ADD_LINE -> json.body(Pipeline.line("Engine", "1", "1.00", "GBP")).post(opportunity + "/lines", id).then().extract();
        case GET_LINE -> request.get(line, id, alicesLine).then().extract();
        case CHANGE_LINE ->
            request.header("If-Match", etag).contentType(MERGE_PATCH).body(Map.of("quantity", "2")).patch(line, id, alicesLine).then().extract();
        case REMOVE_LINE -> request.delete(line, id, alicesLine).then().extract();
      };
    }
  }

  @BeforeAll
  static void convertAlicesLead() {
    pipeline = new Pipeline();
    alices = pipeline.opportunity(ALICE);
  }

  /** Once REST Assured knows the application's port (not yet in a static set-up). */
  @BeforeEach
  void giveAlicesOpportunityALine() {
    if (alicesLine == null) {
      alicesLine = succeeded(Pipeline.addLine(alices.opportunityId, Pipeline.line("Engine", "2", "10.00", "GBP"))).path("lines[0].id");
    }
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  private static RequestSpecification withoutToken() {
    return given().noFiltersOfType(DefaultBearerToken.class);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void everyEndpointWantsABearerToken(Endpoint endpoint) {
    ExtractableResponse<Response> refused = problem(endpoint.call(withoutToken()), 401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  static Stream<Arguments> untrustedTokens() {
    return Stream.of(Endpoint.values())
        .flatMap(endpoint -> TestTokens.untrusted().entrySet().stream().map(token -> Arguments.of(endpoint, token.getKey(), token.getValue())));
  }

  @ParameterizedTest(name = "{0}: a token {1}")
  @MethodSource("untrustedTokens")
  void everyEndpointRefusesATokenItCannotTrust(Endpoint endpoint, String what, String token) {
    problem(endpoint.call(as(token)), 401);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void neitherAnAdminNorAnIntegrationWorksOnOpportunities(Endpoint endpoint) {
    String before = etag(alices.opportunityId);
    problem(endpoint.call(as(TestTokens.admin("admin-ann"))), 403);
    problem(endpoint.call(as(TestTokens.integration("crm-import"))), 403);
    assertThat(etag(alices.opportunityId)).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void anotherSellersOpportunityIsNotFoundAndStaysAsItIs(Endpoint endpoint) {
    String before = etag(alices.opportunityId);

    ExtractableResponse<Response> refused = problem(endpoint.call(as(TestTokens.seller(BOB))), 404);

    assertThat(refused.asString()).doesNotContain(ALICE).doesNotContain(alices.marker);
    assertThat(etag(alices.opportunityId)).isEqualTo(before);
  }

  @Test
  void aSellerAndASalesManagerWorkOnAlicesOpportunity() {
    RequestSpecification alice = as(TestTokens.seller(ALICE));
    succeeded(Endpoint.HISTORY.call(alice));
    succeeded(Endpoint.GET_LINE.call(as(TestTokens.salesManager("manager-maria"))));
    succeeded(Endpoint.HOLD.call(as(TestTokens.seller(ALICE))));
    succeeded(Endpoint.RESUME.call(as(TestTokens.salesManager("manager-maria"))));
    ExtractableResponse<Response> history = succeeded(Endpoint.HISTORY.call(as(TestTokens.seller(ALICE))));
    assertThat(history.<List<String>>path("items.actor.id")).startsWith("manager-maria", ALICE);
  }

  @Test
  void everyoneButAnIntegrationReadsTheStagesAndOnlyAnAdminConfiguresThem() {
    for (String token : List.of(TestTokens.seller(ALICE), TestTokens.salesManager("manager-maria"), TestTokens.admin("admin-ann"))) {
      succeeded(as(token).get(STAGES).then().extract());
    }
    problem(as(TestTokens.integration("crm-import")).get(STAGES).then().extract(), 403);
    problem(withoutToken().get(STAGES).then().extract(), 401);
    Map<String, Object> qualify = Map.of("defaultProbability", 10, "requiredData", List.of());
    for (String token : List.of(TestTokens.seller(ALICE), TestTokens.salesManager("manager-maria"), TestTokens.integration("crm-import"))) {
      problem(as(token).contentType(ContentType.JSON).body(qualify).put(STAGES + "/Qualify").then().extract(), 403);
    }
    problem(withoutToken().contentType(ContentType.JSON).body(qualify).put(STAGES + "/Qualify").then().extract(), 401);
    succeeded(as(TestTokens.admin("admin-ann")).contentType(ContentType.JSON).body(qualify).put(STAGES + "/Qualify").then().extract());
  }
}
