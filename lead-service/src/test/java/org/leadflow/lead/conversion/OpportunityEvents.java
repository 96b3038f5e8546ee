package org.leadflow.lead.conversion;

import java.util.Map;
import java.util.UUID;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicWriter;

/** Publishes to opportunity-events on the real broker, as opportunity-service's relay does (CloudEvents binary mode). */
final class OpportunityEvents {

  private OpportunityEvents() {}

  /** Publishes a CloudEvent under a new event id; answers that id. */
  static UUID send(String type, String key, String data) {
    UUID eventId = UUID.randomUUID();
    try (TopicWriter topic = topic()) {
      topic.cloudEvent(eventId, type, OpportunityEventTypes.SOURCE, key, data);
    }
    return eventId;
  }

  /** Publishes a record with exactly these headers, a CloudEvent or not. */
  static void send(String key, String value, Map<String, String> headers) {
    try (TopicWriter topic = topic()) {
      topic.send(key, value, headers);
    }
  }

  private static TopicWriter topic() {
    return TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS);
  }
}
