package org.leadflow.lead;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void readinessIsUpWithDatabaseAndKafkaChecks() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.name",
            hasItems(
                "Reactive PostgreSQL connections health check",
                "Kafka connection health check",
                "SmallRye Reactive Messaging - readiness check"));
  }

  @Test
  void livenessIsUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void openApiDocumentDescribesTheLeadsApi() {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/leads"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/leads/{id}"));
  }
}
