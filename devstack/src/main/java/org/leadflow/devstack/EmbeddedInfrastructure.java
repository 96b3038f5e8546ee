package org.leadflow.devstack;

import java.nio.file.Path;

/** PostgreSQL and Kafka running on this machine without Docker. */
public final class EmbeddedInfrastructure implements Infrastructure {

  private final EmbeddedPostgresServer postgres;
  private final EmbeddedKafkaServer kafka;

  private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  /** Throwaway servers on free ports, for tests. */
  public static EmbeddedInfrastructure startEphemeral() {
    return start(null, 0, 0, 0);
  }

  /**
   * Servers that keep their data below {@code dataDirectory} (in {@code postgres/} and {@code
   * kafka/}), for the local run.
   */
  public static EmbeddedInfrastructure start(
      Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort) {
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(
            dataDirectory == null ? null : dataDirectory.resolve("postgres"), postgresPort);
    EmbeddedKafkaServer kafka;
    try {
      kafka =
          EmbeddedKafkaServer.start(
              dataDirectory == null ? null : dataDirectory.resolve("kafka"),
              kafkaPort,
              kafkaControllerPort);
      Topics.createLeadflowTopics(kafka.bootstrapServers());
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    return new EmbeddedInfrastructure(postgres, kafka);
  }

  @Override
  public String postgresHost() {
    return "127.0.0.1";
  }

  @Override
  public int postgresPort() {
    return postgres.port();
  }

  @Override
  public String postgresUsername() {
    return EmbeddedPostgresServer.USERNAME;
  }

  @Override
  public String postgresPassword() {
    return EmbeddedPostgresServer.PASSWORD;
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void createDatabaseIfMissing(String database) {
    PostgresDatabases.createIfMissing(this, database);
  }

  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      postgres.close();
    }
  }
}
