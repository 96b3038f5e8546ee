package org.leadflow.opportunity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The steps of the opportunity pipeline's tests: opportunities converted as in production, and the
 * pipeline's requests as a caller sends them (a sales manager unless a token is given).
 */
public final class Pipeline {

  public static final String STAGES = "/api/v1/opportunity-stages";
  public static final String MERGE_PATCH = "application/merge-patch+json";

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final LeadEvents leadEvents = new LeadEvents();
  private final TopicReader published =
      TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS);

  /** A new opportunity of {@code ownerId}, converted from a LeadQualified and found. */
  public QualifiedLead opportunity(String ownerId) {
    QualifiedLead lead = new QualifiedLead();
    lead.ownerId = ownerId;
    return converted(lead);
  }

  /** The lead's opportunity, once converted. */
  public QualifiedLead converted(QualifiedLead lead) {
    leadEvents.qualified(lead);
    Database.awaitOpportunity(lead.opportunityId);
    return lead;
  }

  /**
   * Waits for {@code count} events of {@code type} about the opportunity on opportunity-events, read
   * from the broker, each checked against its schema in contracts; answers their data.
   */
  public <T> List<T> published(UUID opportunityId, String type, int count, Class<T> data) {
    List<TopicReader.Event> found =
        published.await(
            event -> opportunityId.toString().equals(event.key()) && type.equals(event.header(CloudEventHeaders.TYPE)), count, PATIENCE);
    found.forEach(EventContract::assertValid);
    found.forEach(event -> assertThat(event.header(CloudEventHeaders.SUBJECT)).isEqualTo(opportunityId.toString()));
    return found.stream().map(event -> Answers.read(event, data)).toList();
  }

  /** How many events of {@code type} about the opportunity were read so far. */
  public long publishedSoFar(UUID opportunityId, String type) {
    return published.seen().stream()
        .filter(event -> opportunityId.toString().equals(event.key()) && type.equals(event.header(CloudEventHeaders.TYPE)))
        .count();
  }

  public void close() {
    leadEvents.close();
    published.close();
  }

  /** A request as the sales manager of the tests. */
  public static RequestSpecification asManager() {
    return given();
  }

  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  public static RequestSpecification asSeller(String id) {
    return as(TestTokens.seller(id));
  }

  /** The opportunity's current ETag, as a sales manager reads it. */
  public static String etag(UUID opportunityId) {
    ExtractableResponse<Response> read = given().get(Api.OPPORTUNITIES + "/{id}", opportunityId).then().extract();
    assertThat(read.statusCode()).as(read.body().asString()).isEqualTo(200);
    return read.header("ETag");
  }

  /** POSTs a JSON action (a null body: none) to the opportunity. */
  public static ExtractableResponse<Response> action(RequestSpecification request, UUID opportunityId, String action, Object body) {
    if (body != null) {
      request = request.contentType(ContentType.JSON).body(body);
    }
    return request.post(Api.OPPORTUNITIES + "/{id}/" + action, opportunityId).then().extract();
  }

  public static ExtractableResponse<Response> moveTo(UUID opportunityId, String stage) {
    return action(given(), opportunityId, "stage", Map.of("stage", stage));
  }

  /** A merge patch of the opportunity, based on its current ETag. */
  public static ExtractableResponse<Response> patch(UUID opportunityId, Object patch) {
    return patch(given(), opportunityId, etag(opportunityId), patch);
  }

  public static ExtractableResponse<Response> patch(RequestSpecification request, UUID opportunityId, String ifMatch, Object patch) {
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.contentType(MERGE_PATCH).body(patch).patch(Api.OPPORTUNITIES + "/{id}", opportunityId).then().extract();
  }

  public static ExtractableResponse<Response> addLine(UUID opportunityId, Object line) {
    return addLine(given(), opportunityId, line);
  }

  public static ExtractableResponse<Response> addLine(RequestSpecification request, UUID opportunityId, Object line) {
    return request.contentType(ContentType.JSON).body(line).post(Api.OPPORTUNITIES + "/{id}/lines", opportunityId).then().extract();
  }

  /** A write-in line of {@code quantity} × {@code price}, without discount or tax. */
  public static Map<String, Object> line(String product, String quantity, String price, String currency) {
    return Map.of("productName", product, "quantity", quantity, "unitPrice", money(price, currency));
  }

  public static Map<String, String> money(String amount, String currency) {
    return Map.of("amount", amount, "currency", currency);
  }
}
