package org.leadflow.lead.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.lead.api.LeadResourceTest;

@QuarkusTest
class LeadCreatedEventTest {

  @Inject ObjectMapper json;

  @Test
  void creatingALeadPublishesLeadCreatedThroughTheOutboxWithCloudEventsHeaders() throws Exception {
    try (TopicReader reader =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = LeadResourceTest.create(LeadResourceTest.ADA).path("id");

      List<TopicReader.Event> events =
          reader.await(e -> id.equals(e.key()) && !LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20));
      TopicReader.Event event = events.get(0);
      assertThat(event.header(CloudEventHeaders.TYPE)).isEqualTo("leadflow.lead.created.v1");
      assertThat(event.header(CloudEventHeaders.SOURCE)).isEqualTo("/leadflow/lead-service");
      assertThat(event.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
      assertThat(event.header(CloudEventHeaders.SUBJECT)).isEqualTo(id);
      assertThat(event.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
      assertThat(event.header(CloudEventHeaders.ID)).matches("[0-9a-f-]{36}");
      assertThat(Instant.parse(event.header(CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));

      JsonNode data = json.readTree(event.value());
      assertThat(data.get("leadId").asText()).isEqualTo(id);
      assertThat(data.get("lastName").asText()).isEqualTo("Lovelace");
      assertThat(data.get("source").asText()).isEqualTo("Trade Show");
      assertThat(data.get("state").asText()).isEqualTo("Open");
      assertThat(data.get("statusReasonCode").asInt()).isEqualTo(1);
    }
  }

  @Test
  void eventsOfManyLeadsAreEachPublishedExactlyOnceAndPromptly() {
    try (TopicReader reader =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      List<String> ids =
          java.util.stream.IntStream.range(0, 50)
              .mapToObj(i -> (String) LeadResourceTest.create("{\"companyName\":\"Batch " + i + "\"}").path("id"))
              .toList();
      // Each lead's created event; scoring's own events (docs/scoring.md) follow them.
      List<TopicReader.Event> events =
          reader.await(e -> ids.contains(e.key()) && LeadEventTypes.CREATED.equals(e.header(CloudEventHeaders.TYPE)), 50, Duration.ofSeconds(20));
      assertThat(events).extracting(TopicReader.Event::key).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(events).extracting(e -> e.header(CloudEventHeaders.ID)).doesNotHaveDuplicates();
    }
  }
}
