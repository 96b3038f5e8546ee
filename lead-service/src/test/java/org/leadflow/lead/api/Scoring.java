package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.devstack.tokens.TestTokens;

/** Requests of the scoring API (docs/scoring.md), as the tests make them. */
final class Scoring {

  static final String TRAININGS = "/api/v1/scoring/trainings";
  static final String ADMIN = TestTokens.admin("scoring-admin");

  private Scoring() {}

  /**
   * Asks for a training as an admin (waiting while another test's training is queued or running) and
   * waits for it to end; answers the training.
   */
  static ExtractableResponse<Response> train(String body) {
    List<String> queued = new ArrayList<>(1);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      ExtractableResponse<Response> answer =
          given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON).body(body == null ? "{}" : body).post(TRAININGS).then().extract();
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
      assertThat(answer.header("Location")).endsWith("/" + answer.path("id"));
      queued.add(answer.path("id"));
    });
    List<ExtractableResponse<Response>> last = new ArrayList<>(1);
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      ExtractableResponse<Response> current =
          given().header("Authorization", "Bearer " + ADMIN).get(TRAININGS + "/{id}", queued.get(0)).then().extract();
      assertThat(current.statusCode()).isEqualTo(200);
      assertThat(current.<String>path("status")).isIn("completed", "failed");
      last.clear();
      last.add(current);
    });
    return last.get(0);
  }

  /** Waits until {@code accept} holds for the lead's score; answers it. */
  static ExtractableResponse<Response> scoreWhen(String leadId, java.util.function.Predicate<ExtractableResponse<Response>> accept) {
    List<ExtractableResponse<Response>> last = new ArrayList<>(1);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      ExtractableResponse<Response> current = given().get(Leads.BASE + "/{id}/score", leadId).then().extract();
      assertThat(current.statusCode()).isEqualTo(200);
      assertThat(accept).accepts(current);
      last.clear();
      last.add(current);
    });
    return last.get(0);
  }
}
