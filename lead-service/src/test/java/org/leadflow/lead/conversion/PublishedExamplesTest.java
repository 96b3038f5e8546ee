package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.EventCatalog;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;

/**
 * The examples of the opportunity events published in {@code contracts} are accepted by this
 * service's consumer: with the ids of a real conversion put in, and every other member as the
 * example has it, each resolves the lead's conversion.
 */
@QuarkusTest
class PublishedExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void theOpportunityCreatedExampleCompletesTheConversion() throws Exception {
    ExtractableResponse<Response> qualified = qualifiedLead();
    ObjectNode example = example(OpportunityEventTypes.CREATED, qualified);
    example.put("opportunityId", qualified.<String>path("conversion.opportunityId"));

    OpportunityEvents.send(OpportunityEventTypes.CREATED, example.path("opportunityId").asText(), example.toString());

    String id = qualified.path("lead.id");
    await().atMost(PATIENCE).until(() -> "completed".equals(lead(id).path("conversion.status")));
    assertThat(lead(id).<String>path("conversion.accountId")).isEqualTo(example.path("accountId").asText());
    assertThat(lead(id).<String>path("conversion.contactId")).isEqualTo(example.path("contactId").asText());
  }

  @Test
  void theConversionFailedExampleFailsTheConversionWithItsReason() throws Exception {
    ExtractableResponse<Response> qualified = qualifiedLead();
    ObjectNode example = example(OpportunityEventTypes.CONVERSION_FAILED, qualified);
    example.put("opportunityId", qualified.<String>path("conversion.opportunityId"));

    OpportunityEvents.send(OpportunityEventTypes.CONVERSION_FAILED, example.path("opportunityId").asText(), example.toString());

    String id = qualified.path("lead.id");
    await().atMost(PATIENCE).until(() -> "failed".equals(lead(id).path("conversion.status")));
    assertThat(lead(id).<String>path("conversion.failureReason")).isEqualTo(example.path("reason").asText());
  }

  /** The published example, about the given lead's conversion. */
  private static ObjectNode example(String type, ExtractableResponse<Response> qualified) throws Exception {
    try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.exampleResource(type))) {
      ObjectNode example = (ObjectNode) JSON.readTree(in);
      example.put("originatingLeadId", qualified.<String>path("lead.id"));
      example.put("conversionId", qualified.<String>path("conversion.id"));
      return example;
    }
  }

  private static ExtractableResponse<Response> qualifiedLead() {
    String id =
        given()
            .contentType(ContentType.JSON)
            .body("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"Engines " + UUID.randomUUID() + "\"}")
            .post("/api/v1/leads")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/qualify", id).then().statusCode(200).extract();
  }

  private static ExtractableResponse<Response> lead(String id) {
    return given().get("/api/v1/leads/{id}", id).then().statusCode(200).extract();
  }
}
