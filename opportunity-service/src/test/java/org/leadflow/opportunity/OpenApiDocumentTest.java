package org.leadflow.opportunity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.OpenApiSecurity;

/** The OpenAPI document at /q/openapi describes every operation, its errors and examples. */
@QuarkusTest
class OpenApiDocumentTest {

  private JsonNode document;

  @BeforeEach
  void readDocument() throws Exception {
    document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
  }

  @Test
  void everyEndpointIsDocumented() {
    assertThat(operations())
        .containsExactlyInAnyOrder(
            "GET /api/v1/opportunities", "GET /api/v1/opportunities/{id}",
            "GET /api/v1/accounts", "GET /api/v1/accounts/{id}",
            "GET /api/v1/contacts", "GET /api/v1/contacts/{id}",
            "POST /api/v1/accounts", "PATCH /api/v1/accounts/{id}", "GET /api/v1/accounts/{id}/history",
            "POST /api/v1/contacts", "PATCH /api/v1/contacts/{id}", "GET /api/v1/contacts/{id}/history",
            "POST /api/v1/products", "GET /api/v1/products", "GET /api/v1/products/{id}", "PATCH /api/v1/products/{id}",
            "POST /api/v1/products/{id}/deactivate",
            "POST /api/v1/matches", "GET /api/v1/possible-duplicates",
            "GET /api/v1/dead-letters", "GET /api/v1/dead-letters/{id}", "POST /api/v1/dead-letters/{id}/redrive",
            "PATCH /api/v1/opportunities/{id}", "POST /api/v1/opportunities/{id}/stage",
            "POST /api/v1/opportunities/{id}/win", "POST /api/v1/opportunities/{id}/lose",
            "POST /api/v1/opportunities/{id}/reopen", "POST /api/v1/opportunities/{id}/hold",
            "POST /api/v1/opportunities/{id}/resume", "GET /api/v1/opportunities/{id}/stage-history",
            "GET /api/v1/opportunities/{id}/history", "POST /api/v1/opportunities/{id}/lines",
            "GET /api/v1/opportunities/{id}/lines/{lineId}", "PATCH /api/v1/opportunities/{id}/lines/{lineId}",
            "DELETE /api/v1/opportunities/{id}/lines/{lineId}", "GET /api/v1/opportunity-stages",
            "PUT /api/v1/opportunity-stages/{stage}", "GET /api/v1/pipeline", "GET /api/v1/pipeline/funnel");
  }

  @Test
  void everyOperationDocumentsSuccessWithAnExampleAndItsErrorsAsProblems() {
    forEachOperation((name, operation) -> {
      JsonNode responses = operation.get("responses");
      assertThat(fieldNames(responses)).as(name).anyMatch(status -> status.startsWith("2")).contains("500");
      if (name.contains("{id}")) {
        assertThat(fieldNames(responses)).as(name).contains("404");
      } else if (operation.has("parameters") || operation.has("requestBody")) {
        assertThat(fieldNames(responses)).as(name).contains("400");
      }
      if (operation.has("requestBody")) {
        assertThat(fieldNames(responses)).as(name).contains("400", "415");
      }
      for (String status : fieldNames(responses)) {
        if (status.startsWith("2")) {
          assertThat(responses.at("/" + status + "/content/application~1json").has("examples")).as(name + " " + status + " has an example").isTrue();
        }
        if (status.startsWith("4") || status.startsWith("5")) {
          assertThat(responses.at("/" + status + "/content").has("application/problem+json"))
              .as(name + " " + status + " is problem+json")
              .isTrue();
        }
      }
    });
  }

  @Test
  void everyOperationWantsABearerTokenAndDocumentsTheAnswersWithoutOne() {
    assertThat(OpenApiSecurity.shortcomings(document)).isEmpty();
  }

  @Test
  void everyRequestBodyHasAnExample() {
    forEachOperation((name, operation) -> {
      if (operation.has("requestBody")) {
        boolean hasExample = false;
        for (JsonNode media : operation.at("/requestBody/content")) {
          hasExample |= media.has("examples") || media.has("example");
        }
        assertThat(hasExample).as(name + " has a request example").isTrue();
      }
    });
  }

  @Test
  void listParametersAreDocumented() {
    List<String> parameters = new ArrayList<>();
    document.at("/paths/~1api~1v1~1opportunities/get/parameters").forEach(parameter -> parameters.add(parameter.get("name").asText()));

    assertThat(parameters)
        .contains("page", "size", "sort", "state", "ownerId", "originatingLeadId", "accountId", "closeDateFrom", "closeDateTo");
  }

  @Test
  void theProblemSchemaHasTheRfc9457MembersAndAnExample() {
    JsonNode problem = document.at("/components/schemas/Problem");
    assertThat(fieldNames(problem.get("properties"))).contains("type", "title", "status", "detail", "instance", "errors");
    assertThat(problem.has("example") || problem.has("examples")).isTrue();
  }

  private List<String> operations() {
    List<String> names = new ArrayList<>();
    forEachOperation((name, operation) -> names.add(name));
    return names;
  }

  private void forEachOperation(BiConsumer<String, JsonNode> check) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!op.getKey().equals("parameters")) {
          check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
        }
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
