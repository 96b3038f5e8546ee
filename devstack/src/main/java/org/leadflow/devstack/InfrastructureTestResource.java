package org.leadflow.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the test JVM's shared PostgreSQL and Kafka, in its
 * own database. Use as {@code @QuarkusTestResource(value = InfrastructureTestResource.class,
 * initArgs = @ResourceArg(name = "database", value = "leads"))}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

  private String database = "app";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    Infrastructure infra = SharedInfrastructure.get();
    infra.createDatabaseIfMissing(database);
    return Map.of(
        "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
        "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
        "quarkus.datasource.username", infra.postgresUsername(),
        "quarkus.datasource.password", infra.postgresPassword(),
        "kafka.bootstrap.servers", infra.kafkaBootstrapServers());
  }

  @Override
  public void stop() {
    // The servers outlive one Quarkus application: other test classes of this JVM reuse them,
    // and SharedInfrastructure stops them when the JVM exits.
  }
}
