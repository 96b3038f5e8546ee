package org.leadflow.devstack;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL and Kafka of {@link EmbeddedInfrastructure}, kept below one data directory,
 * that a fault test stops, kills and starts again on the same ports and data while the services run.
 * Clients reach Kafka at {@code kafkaAdvertisedPort}: the port of a proxy in front of the broker that
 * the test can cut; the broker's own port and the proxy are the caller's.
 */
public final class RestartableInfrastructure implements Infrastructure {

  private final Path dataDirectory;
  private final int postgresPort;
  private final int kafkaPort;
  private final int kafkaControllerPort;
  private final int kafkaAdvertisedPort;
  private EmbeddedPostgresServer postgres;
  private EmbeddedKafkaServer kafka;

  private RestartableInfrastructure(
      Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort, int kafkaAdvertisedPort) {
    this.dataDirectory = dataDirectory;
    this.postgresPort = postgresPort;
    this.kafkaPort = kafkaPort;
    this.kafkaControllerPort = kafkaControllerPort;
    this.kafkaAdvertisedPort = kafkaAdvertisedPort;
  }

  /**
   * Starts both on free ports, their data below {@code dataDirectory}.
   *
   * @param kafkaPort the broker's own port (what the proxy forwards to)
   * @param kafkaAdvertisedPort where clients are told to reach the broker (the proxy)
   */
  public static RestartableInfrastructure start(Path dataDirectory, int kafkaPort, int kafkaAdvertisedPort) {
    RestartableInfrastructure infrastructure =
        new RestartableInfrastructure(dataDirectory, FreePorts.find(), kafkaPort, FreePorts.find(), kafkaAdvertisedPort);
    infrastructure.startPostgres();
    try {
      infrastructure.startKafka();
      Topics.createLeadflowTopics(infrastructure.kafkaBootstrapServers());
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
    return infrastructure;
  }

  public synchronized void startPostgres() {
    if (postgres == null) {
      postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), postgresPort);
    }
  }

  /** {@code kill -9}: a crash, recovered from the write-ahead log by {@link #startPostgres}. */
  public synchronized void killPostgres() {
    if (postgres != null) {
      postgres.kill(dataDirectory.resolve("postgres"));
      postgres = null;
    }
  }

  public synchronized void startKafka() {
    if (kafka == null) {
      kafka = EmbeddedKafkaServer.start(dataDirectory.resolve("kafka"), kafkaPort, kafkaControllerPort, kafkaAdvertisedPort);
    }
  }

  /** Stops the broker (a controlled shutdown); {@link #startKafka} starts it on the same log. */
  public synchronized void stopKafka() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  @Override
  public String postgresHost() {
    return "127.0.0.1";
  }

  @Override
  public int postgresPort() {
    return postgresPort;
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
    return "127.0.0.1:" + kafkaAdvertisedPort;
  }

  @Override
  public void createDatabaseIfMissing(String database) {
    PostgresDatabases.createIfMissing(this, database);
  }

  @Override
  public synchronized void close() {
    try {
      stopKafka();
    } finally {
      if (postgres != null) {
        postgres.close();
        postgres = null;
      }
    }
  }
}
