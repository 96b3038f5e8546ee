package org.leadflow.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
  void everyLeadEndpointIsDocumented() {
    assertThat(operations())
        .contains(
            "POST /api/v1/leads", "GET /api/v1/leads", "GET /api/v1/leads/{id}", "PATCH /api/v1/leads/{id}",
            "POST /api/v1/leads/{id}/mark-contacted", "POST /api/v1/leads/{id}/disqualify",
            "POST /api/v1/leads/{id}/reactivate", "POST /api/v1/leads/{id}/activities",
            "GET /api/v1/leads/{id}/activities", "GET /api/v1/leads/{id}/history",
            "GET /api/v1/dead-letters", "GET /api/v1/dead-letters/{id}", "POST /api/v1/dead-letters/{id}/redrive");
  }

  @Test
  void everyOperationDocumentsSuccessAndItsErrorsAsProblems() {
    forEachOperation((name, operation) -> {
      JsonNode responses = operation.get("responses");
      assertThat(fieldNames(responses)).as(name).anyMatch(status -> status.startsWith("2")).contains("500");
      if (name.contains("{id}")) {
        assertThat(fieldNames(responses)).as(name).contains("404");
      }
      if (operation.has("requestBody")) {
        assertThat(fieldNames(responses)).as(name).contains("400", "415");
      }
      for (String status : fieldNames(responses)) {
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
        JsonNode content = operation.at("/requestBody/content");
        boolean hasExample = false;
        for (JsonNode media : content) {
          hasExample |= media.has("examples") || media.has("example");
        }
        assertThat(hasExample).as(name + " has a request example").isTrue();
      }
    });
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

  private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
