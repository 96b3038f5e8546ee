package org.leadflow.devstack;

import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka in Docker containers (Testcontainers), the same images as {@code
 * docker-compose.yml}. Chosen with {@code -Dleadflow.infra=testcontainers}; never touched otherwise,
 * so machines without Docker never load it.
 */
public final class ContainerInfrastructure implements Infrastructure {

  public static final String POSTGRES_IMAGE = "postgres:17-alpine";
  public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  /**
   * The Testcontainers classes this infrastructure uses, loaded but not started: a module whose test
   * classpath lacks them fails here with NoClassDefFoundError, Docker or not.
   */
  public static List<Class<?>> requiredClasses() {
    return List.of(DockerClientFactory.class, PostgreSQLContainer.class, KafkaContainer.class);
  }

  public static ContainerInfrastructure start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "Docker is not available: leadflow.infra=testcontainers needs a Docker engine;"
              + " run without -Dleadflow.infra to use the embedded PostgreSQL and Kafka");
    }
    PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    postgres.start();
    kafka.start();
    Topics.createLeadflowTopics(kafka.getBootstrapServers());
    return new ContainerInfrastructure(postgres, kafka);
  }

  @Override
  public String postgresHost() {
    return postgres.getHost();
  }

  @Override
  public int postgresPort() {
    return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
  }

  @Override
  public String postgresUsername() {
    return postgres.getUsername();
  }

  @Override
  public String postgresPassword() {
    return postgres.getPassword();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public void createDatabaseIfMissing(String database) {
    PostgresDatabases.createIfMissing(this, database);
  }

  @Override
  public void close() {
    try {
      kafka.stop();
    } finally {
      postgres.stop();
    }
  }
}
