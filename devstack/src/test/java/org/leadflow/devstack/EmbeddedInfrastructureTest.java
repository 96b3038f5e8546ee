package org.leadflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadflow.contracts.EventTopics;

class EmbeddedInfrastructureTest {

  @Test
  void ephemeralServersAreRealPostgresAndKafkaWithLeadflowTopics() throws Exception {
    try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.startEphemeral()) {
      infra.createDatabaseIfMissing("leads");
      infra.createDatabaseIfMissing("leads"); // a second call is harmless

      try (Connection db = connect(infra, "leads");
          Statement sql = db.createStatement();
          ResultSet version = sql.executeQuery("SHOW server_version_num")) {
        version.next();
        assertThat(version.getInt(1)).isBetween(170000, 179999);
      }

      try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
        Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(topics).containsAll(EventTopics.ALL);
        assertThat(
                admin.describeTopics(List.of(EventTopics.LEAD_EVENTS))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(EventTopics.LEAD_EVENTS)
                    .partitions())
            .hasSize(Topics.PARTITIONS);
      }
      assertThat(roundTrip(infra.kafkaBootstrapServers(), "hello")).isEqualTo("hello");
    }
  }

  @Test
  void persistentServersKeepDataAndTopicsAcrossRestarts(@TempDir Path dataDirectory)
      throws Exception {
    try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDirectory, 0, 0, 0)) {
      infra.createDatabaseIfMissing("leads");
      try (Connection db = connect(infra, "leads");
          Statement sql = db.createStatement()) {
        sql.execute("CREATE TABLE kept (v text)");
        sql.execute("INSERT INTO kept VALUES ('before restart')");
      }
      assertThat(roundTrip(infra.kafkaBootstrapServers(), "first run")).isEqualTo("first run");
    }

    try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDirectory, 0, 0, 0)) {
      try (Connection db = connect(infra, "leads");
          Statement sql = db.createStatement();
          ResultSet rows = sql.executeQuery("SELECT v FROM kept")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("before restart");
      }
      assertThat(firstRecord(infra.kafkaBootstrapServers())).isEqualTo("first run");
    }
  }

  private static Connection connect(Infrastructure infra, String database) throws Exception {
    return DriverManager.getConnection(
        infra.jdbcUrl(database), infra.postgresUsername(), infra.postgresPassword());
  }

  private static String roundTrip(String bootstrap, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(EventTopics.LEAD_EVENTS, "key", value)).get();
    }
    return firstRecord(bootstrap);
  }

  private static String firstRecord(String bootstrap) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "probe-" + System.nanoTime(),
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(EventTopics.LEAD_EVENTS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          return record.value();
        }
      }
      throw new AssertionError("No record on " + EventTopics.LEAD_EVENTS + " within 30 s");
    }
  }
}
