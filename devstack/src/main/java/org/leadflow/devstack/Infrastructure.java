package org.leadflow.devstack;

/**
 * A running PostgreSQL server and Kafka broker that LeadFlow's services can be pointed at.
 *
 * <p>Each service owns one database on the shared server; {@link #createDatabaseIfMissing} makes it.
 */
public interface Infrastructure extends AutoCloseable {

  String postgresHost();

  int postgresPort();

  String postgresUsername();

  String postgresPassword();

  String kafkaBootstrapServers();

  void createDatabaseIfMissing(String database);

  default String jdbcUrl(String database) {
    return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
  }

  default String reactiveUrl(String database) {
    return "postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
  }

  @Override
  void close();
}
