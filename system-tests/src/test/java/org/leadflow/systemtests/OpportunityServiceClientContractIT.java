package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.lead.client.OpportunityServiceClient;

/**
 * lead-service's REST client for opportunity-service, held to the OpenAPI document that the running
 * opportunity-service publishes: same path and method, and every field the client sends or reads is
 * in the published schemas with a compatible type.
 */
class OpportunityServiceClientContractIT {

  private static JsonNode document;

  @BeforeAll
  static void readPublishedDocument() throws Exception {
    BothServices services = BothServices.shared(SharedInfrastructure.get());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(services.uri(LeadflowService.OPPORTUNITY_SERVICE, "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    document = new ObjectMapper().readTree(response.body());
  }

  @Test
  void everyClientCallIsAPublishedOperationWithMatchingRequestAndResponseSchemas() {
    String path = OpportunityServiceClient.class.getAnnotation(Path.class).value();
    Method[] calls = OpportunityServiceClient.class.getDeclaredMethods();
    assertThat(calls).isNotEmpty();
    for (Method call : calls) {
      assertThat(call.isAnnotationPresent(POST.class)).as(call.getName() + " is a POST").isTrue();
      JsonNode operation = document.path("paths").path(path).path("post");
      assertThat(operation.isMissingNode()).as("opportunity-service publishes POST " + path).isFalse();

      Class<?> requestType = call.getParameterTypes()[0];
      assertCompatible(requestType, schema(operation.at("/requestBody/content/application~1json/schema")));

      // The caller's bearer token goes along: the operation must be one that takes it.
      assertThat(call.getParameters()[1].getAnnotation(HeaderParam.class).value()).isEqualTo("Authorization");
      assertThat(operation.path("security").toString()).as("POST " + path + " takes a bearer token").contains("bearer");

      Type answer = ((ParameterizedType) call.getGenericReturnType()).getActualTypeArguments()[0];
      assertCompatible((Class<?>) answer, schema(operation.at("/responses/200/content/application~1json/schema")));
    }
  }

  /** Each component of the record must be a published property of a compatible JSON type. */
  private static void assertCompatible(Class<?> record, JsonNode schema) {
    assertThat(record.isRecord()).as(record + " is a record").isTrue();
    JsonNode properties = schema.path("properties");
    for (RecordComponent component : record.getRecordComponents()) {
      JsonNode property = schema(properties.path(component.getName()));
      assertThat(property.isMissingNode())
          .as(record.getSimpleName() + "." + component.getName() + " is in the published schema " + schema)
          .isFalse();
      Class<?> type = component.getType();
      String jsonType = typeOf(property);
      if (type == String.class || type == UUID.class) {
        assertThat(jsonType).as(record.getSimpleName() + "." + component.getName()).isEqualTo("string");
      } else if (List.class.isAssignableFrom(type)) {
        assertThat(jsonType).as(record.getSimpleName() + "." + component.getName()).isEqualTo("array");
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
          assertCompatible(elementClass, schema(property.path("items")));
        }
      } else if (type.isRecord()) {
        assertCompatible(type, property);
      }
    }
  }

  private static String typeOf(JsonNode property) {
    JsonNode type = property.path("type");
    if (type.isArray()) {
      // OpenAPI 3.1 writes nullable types as ["string", "null"].
      return Arrays.stream(new ObjectMapper().convertValue(type, String[].class)).filter(t -> !t.equals("null")).findFirst().orElse("");
    }
    return type.asText();
  }

  /** Follows a {@code $ref} to the component schema it names. */
  private static JsonNode schema(JsonNode node) {
    if (node.has("$ref")) {
      String name = node.get("$ref").asText().substring("#/components/schemas/".length());
      return schema(document.path("components").path("schemas").path(name));
    }
    return node;
  }
}
