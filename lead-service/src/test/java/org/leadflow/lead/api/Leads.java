package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps the API tests are written in: create a lead, bring it into a status, act on it, read
 * its timeline. Each answers the raw response, so that a test states what it expects of it.
 */
final class Leads {

  static final String BASE = "/api/v1/leads";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String PROBLEM = "application/problem+json";

  /** A note: logging it never changes the lead. */
  static final String NOTE = "{\"type\":\"Note\",\"subject\":\"Background\"}";

  /** A phone call that reached the person: the first one moves a New lead to Contacted. */
  static final String COMPLETED_CALL =
      "{\"type\":\"Phone Call\",\"subject\":\"Intro call\",\"direction\":\"Outbound\",\"outcome\":\"Completed\"}";

  private Leads() {}

  /** A text no other test uses, to tell this test's leads from everything else in the database. */
  static String marker() {
    return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** The ETag of a lead at {@code version}, as the service writes it. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  static ExtractableResponse<Response> create(String json) {
    return create(given(), json);
  }

  static ExtractableResponse<Response> create(RequestSpecification request, String json) {
    return request.contentType(ContentType.JSON).body(json).when().post(BASE).then().extract();
  }

  /** Creates a lead of {@code companyName}; answers its id. */
  static String newLead(String companyName) {
    return succeeded(create("{\"companyName\":\"" + companyName + "\"}")).path("id");
  }

  static String newLead() {
    return newLead(marker());
  }

  /**
   * A new lead brought into {@code statusReason}: New, Contacted (marked), or Disqualified for one of
   * Lost, Cannot Contact, No Longer Interested, Canceled.
   */
  static String leadWithStatus(String statusReason) {
    String id = newLead();
    switch (statusReason) {
      case "New" -> {}
      case "Contacted" -> succeeded(markContacted(id));
      default -> succeeded(disqualify(id, statusReason));
    }
    assertThat(get(id).<String>path("statusReason")).isEqualTo(statusReason);
    return id;
  }

  static ExtractableResponse<Response> get(String id) {
    return given().when().get(BASE + "/{id}", id).then().extract();
  }

  static long version(String id) {
    return succeeded(get(id)).<Integer>path("version").longValue();
  }

  /** A list query for the leads named {@code marker} ({@code q}), with more parameters as name, value pairs. */
  static Map<String, Object> query(String marker, Object... parameters) {
    Map<String, Object> query = new java.util.LinkedHashMap<>();
    query.put("q", marker);
    for (int i = 0; i < parameters.length; i += 2) {
      query.put((String) parameters[i], parameters[i + 1]);
    }
    return query;
  }

  static ExtractableResponse<Response> list(Map<String, ?> query) {
    return given().queryParams(query).when().get(BASE).then().extract();
  }

  static ExtractableResponse<Response> patch(String id, String json) {
    return patch(given(), id, json);
  }

  static ExtractableResponse<Response> patch(RequestSpecification request, String id, String json) {
    return request.contentType(MERGE_PATCH).body(json).when().patch(BASE + "/{id}", id).then().extract();
  }

  static ExtractableResponse<Response> markContacted(String id) {
    return markContacted(given(), id);
  }

  static ExtractableResponse<Response> markContacted(RequestSpecification request, String id) {
    return request.when().post(BASE + "/{id}/mark-contacted", id).then().extract();
  }

  static ExtractableResponse<Response> disqualify(String id, String reason) {
    return disqualify(given(), id, "{\"reason\":\"" + reason + "\"}");
  }

  static ExtractableResponse<Response> disqualify(RequestSpecification request, String id, String json) {
    return request.contentType(ContentType.JSON).body(json).when().post(BASE + "/{id}/disqualify", id).then().extract();
  }

  static ExtractableResponse<Response> reactivate(String id) {
    return reactivate(given(), id, "{}");
  }

  static ExtractableResponse<Response> reactivate(RequestSpecification request, String id, String json) {
    return request.contentType(ContentType.JSON).body(json).when().post(BASE + "/{id}/reactivate", id).then().extract();
  }

  static ExtractableResponse<Response> logActivity(String id, String json) {
    return logActivity(given(), id, json);
  }

  static ExtractableResponse<Response> logActivity(RequestSpecification request, String id, String json) {
    return request.contentType(ContentType.JSON).body(json).when().post(BASE + "/{id}/activities", id).then().extract();
  }

  static ExtractableResponse<Response> activities(String id, Map<String, ?> query) {
    return given().queryParams(query).when().get(BASE + "/{id}/activities", id).then().extract();
  }

  static ExtractableResponse<Response> history(String id) {
    return given().when().get(BASE + "/{id}/history", id).then().extract();
  }

  /**
   * Performs one of the lead's actions, named as the service names them in a 409 problem: update
   * (a PATCH), mark contacted, disqualify (as Lost), reactivate, log activity (a note).
   */
  static ExtractableResponse<Response> perform(String action, RequestSpecification request, String id) {
    return switch (action) {
      case "update" -> patch(request, id, "{\"jobTitle\":\"Buyer " + marker() + "\"}");
      case "mark contacted" -> markContacted(request, id);
      case "disqualify" -> disqualify(request, id, "{\"reason\":\"Lost\"}");
      case "reactivate" -> reactivate(request, id, "{}");
      case "log activity" -> logActivity(request, id, NOTE);
      default -> throw new IllegalArgumentException("No such action: " + action);
    };
  }

  /** Asserts a 2xx answer (showing the body when it is not) and answers it. */
  static ExtractableResponse<Response> succeeded(ExtractableResponse<Response> response) {
    assertThat(response.statusCode()).as(response.body().asString()).isBetween(200, 299);
    return response;
  }

  /** Asserts an RFC 9457 problem of {@code status} and answers it. */
  static ExtractableResponse<Response> problem(ExtractableResponse<Response> response, int status) {
    assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(PROBLEM);
    assertThat(response.<Integer>path("status")).isEqualTo(status);
    assertThat(response.<String>path("type")).startsWith("https://");
    assertThat(response.<String>path("title")).isNotBlank();
    return response;
  }

  /** The fields a 400 validation problem names, one entry per offending field. */
  static List<String> invalidFields(ExtractableResponse<Response> response) {
    return problem(response, 400).path("errors.field");
  }
}
