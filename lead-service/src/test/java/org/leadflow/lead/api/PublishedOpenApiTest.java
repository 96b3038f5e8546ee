package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.OpenApiContract;

/** The document this service serves is the one published in {@code contracts/openapi/} (contracts/README.md). */
@QuarkusTest
class PublishedOpenApiTest {

  @Test
  void theServedOpenApiDocumentIsThePublishedContract() {
    String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();

    OpenApiContract.assertMatches("lead-service", served);
  }
}
