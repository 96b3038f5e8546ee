package org.leadflow.opportunity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.ConsumedEvents;

/** The steps the tests read the API with; each answers the raw response so a test states what it expects. */
public final class Api {

  public static final String OPPORTUNITIES = "/api/v1/opportunities";
  public static final String ACCOUNTS = "/api/v1/accounts";
  public static final String CONTACTS = "/api/v1/contacts";
  public static final String MATCHES = "/api/v1/matches";
  public static final String POSSIBLE_DUPLICATES = "/api/v1/possible-duplicates";
  public static final String PROBLEM = "application/problem+json";

  private Api() {}

  public static ExtractableResponse<Response> get(String collection, Object id) {
    return given().when().get(collection + "/{id}", id).then().extract();
  }

  public static ExtractableResponse<Response> list(String collection, Map<String, ?> query) {
    return given().queryParams(query).when().get(collection).then().extract();
  }

  /** Waits until the record exists (the conversion is asynchronous) and answers it. */
  public static ExtractableResponse<Response> awaitFound(String collection, UUID id) {
    await().atMost(Duration.ofSeconds(20)).until(() -> get(collection, id).statusCode() == 200);
    return get(collection, id);
  }

  public static ExtractableResponse<Response> succeeded(ExtractableResponse<Response> response) {
    assertThat(response.statusCode()).as(response.body().asString()).isBetween(200, 299);
    return response;
  }

  public static ExtractableResponse<Response> problem(ExtractableResponse<Response> response, int status) {
    assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(PROBLEM);
    assertThat(response.<Integer>path("status")).isEqualTo(status);
    return response;
  }

  /**
   * How many lead events of {@code type} the consumer acknowledged as ignored so far: the only trace
   * an event it does not act on leaves.
   */
  public static double ignoredLeadEvents(String type) {
    String metrics = given().when().get(ConsumedEvents.METRICS_PATH).then().statusCode(200).extract().asString();
    return ConsumedEvents.ignored(metrics, EventTopics.LEAD_EVENTS, type);
  }

  /** The fields a 400 problem names. */
  public static List<String> invalidFields(ExtractableResponse<Response> response) {
    return problem(response, 400).path("errors.field");
  }
}
