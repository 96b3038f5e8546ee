package org.leadflow.lead.conversion;

import java.util.UUID;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicWriter;

/** Publishes to opportunity-events on the real broker, as opportunity-service's relay does (CloudEvents binary mode). */
final class OpportunityEvents {

  private OpportunityEvents() {}

  static void send(String type, String key, String data) {
    try (TopicWriter topic = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS)) {
      topic.cloudEvent(UUID.randomUUID(), type, OpportunityEventTypes.SOURCE, key, data);
    }
  }
}
