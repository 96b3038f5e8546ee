package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.systemtests.OtlpReceiver.ReceivedSpan;

/**
 * One conversion is one trace across both services, as a tracing backend shows it: the qualify
 * request, lead-service's publication of LeadQualified, opportunity-service's transaction that
 * creates the opportunity and publishes opportunity.created, and lead-service's completion of the
 * conversion. The trace goes from one service to the other only through the outboxes and Kafka
 * ({@code traceparent} on each record).
 */
class ConversionTraceIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String sellerToken = TestTokens.seller("seller-" + UUID.randomUUID());

  @BeforeAll
  static void startBothServices() {
    services = BothServices.shared(SharedInfrastructure.get());
  }

  @Test
  void theQualifyRequestTheOpportunityServiceTransactionItCausesAndTheCompletionOnTheLeadAreOneTrace() throws Exception {
    String leadId = send("POST", "/api/v1/leads", "{\"lastName\":\"Hopper\",\"companyName\":\"Cobol " + UUID.randomUUID() + "\"}", null, 201)
        .get("id").asText();
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String clientSpanId = HexFormat.of().formatHex(randomBytes(8));

    String kafka = SharedInfrastructure.get().kafkaBootstrapServers();
    try (TopicReader leadEvents = TopicReader.fromNow(kafka, EventTopics.LEAD_EVENTS);
        TopicReader opportunityEvents = TopicReader.fromNow(kafka, EventTopics.OPPORTUNITY_EVENTS)) {
      // The frontend's span: the request continues its trace (W3C Trace Context).
      JsonNode qualified = send("POST", "/api/v1/leads/" + leadId + "/qualify", "{}", "00-" + traceId + "-" + clientSpanId + "-01", 200);
      String opportunityId = qualified.at("/conversion/opportunityId").asText();

      TopicReader.Event leadQualified =
          leadEvents.await(event -> leadId.equals(event.key()) && LeadEventTypes.QUALIFIED.equals(event.header("ce_type")), 1, PATIENCE).get(0);
      TopicReader.Event opportunityCreated =
          opportunityEvents.await(event -> opportunityId.equals(event.key()) && OpportunityEventTypes.CREATED.equals(event.header("ce_type")), 1, PATIENCE).get(0);
      assertThat(leadQualified.header("traceparent")).startsWith("00-" + traceId + "-");
      assertThat(opportunityCreated.header("traceparent")).startsWith("00-" + traceId + "-");
    }
    await().atMost(PATIENCE)
        .until(() -> "completed".equals(send("GET", "/api/v1/leads/" + leadId, null, null, 200).at("/conversion/status").asText()));

    List<ReceivedSpan> trace =
        await().atMost(PATIENCE).until(() -> services.traces().trace(traceId), spans -> spans.stream().anyMatch(span ->
            span.service().equals("lead-service") && span.name().equals("opportunity-events process")));

    ReceivedSpan request = only(trace, "lead-service", "SPAN_KIND_SERVER", "POST /api/v1/leads/{id}/qualify", null);
    ReceivedSpan published = only(trace, "lead-service", "SPAN_KIND_PRODUCER", "lead-events publish", LeadEventTypes.QUALIFIED);
    ReceivedSpan converted = only(trace, "opportunity-service", "SPAN_KIND_CONSUMER", "lead-events process", LeadEventTypes.QUALIFIED);
    ReceivedSpan answered = only(trace, "opportunity-service", "SPAN_KIND_PRODUCER", "opportunity-events publish", OpportunityEventTypes.CREATED);
    ReceivedSpan completed = only(trace, "lead-service", "SPAN_KIND_CONSUMER", "opportunity-events process", OpportunityEventTypes.CREATED);
    assertThat(request.parentSpanId()).isEqualTo(clientSpanId);
    assertThat(published.parentSpanId()).isEqualTo(request.spanId());
    assertThat(converted.parentSpanId()).isEqualTo(published.spanId());
    assertThat(answered.parentSpanId()).isEqualTo(converted.spanId());
    assertThat(completed.parentSpanId()).isEqualTo(answered.spanId());
  }

  /** The one span of the trace with these properties (and about an event of this type, when not null). */
  private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String kind, String name, String eventType) {
    List<ReceivedSpan> matching =
        trace.stream()
            .filter(span -> span.service().equals(service) && span.kind().equals(kind) && span.name().equals(name))
            .filter(span -> eventType == null || eventType.equals(span.attributes().get("cloudevents.event_type")))
            .toList();
    assertThat(matching).as("%s %s span \"%s\" (%s) in %s", service, kind, name, eventType, trace).hasSize(1);
    return matching.get(0);
  }

  private JsonNode send(String method, String path, String body, String traceparent, int expectedStatus) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(services.uri(LeadflowService.LEAD_SERVICE, path))
            .header("Authorization", "Bearer " + sellerToken)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    do {
      ThreadLocalRandom.current().nextBytes(bytes);
    } while (bytes[0] == 0);
    return bytes;
  }
}
