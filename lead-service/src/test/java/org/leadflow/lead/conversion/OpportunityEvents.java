package org.leadflow.lead.conversion;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;

/** Publishes to opportunity-events on the real broker, as opportunity-service's relay does (CloudEvents binary mode). */
final class OpportunityEvents {

  private OpportunityEvents() {}

  static void send(String type, String key, String data) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(EventTopics.OPPORTUNITY_EVENTS, key, data);
      header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
      header(record, CloudEventHeaders.TYPE, type);
      header(record, CloudEventHeaders.SOURCE, OpportunityEventTypes.SOURCE);
      header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
      header(record, CloudEventHeaders.SUBJECT, key);
      header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      producer.send(record).get();
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
