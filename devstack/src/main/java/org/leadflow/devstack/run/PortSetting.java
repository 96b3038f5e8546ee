package org.leadflow.devstack.run;

/** A port the local run listens on, with the environment variable that moves it elsewhere. */
enum PortSetting {
  POSTGRES("LEADFLOW_POSTGRES_PORT", "PostgreSQL", 15432),
  KAFKA("LEADFLOW_KAFKA_PORT", "Kafka", 19092),
  KAFKA_CONTROLLER("LEADFLOW_KAFKA_CONTROLLER_PORT", "Kafka controller", 19093),
  LEAD_SERVICE("LEADFLOW_LEAD_SERVICE_PORT", "lead-service", 8080),
  OPPORTUNITY_SERVICE("LEADFLOW_OPPORTUNITY_SERVICE_PORT", "opportunity-service", 8081);

  private final String environmentVariable;
  private final String listener;
  private final int defaultPort;

  PortSetting(String environmentVariable, String listener, int defaultPort) {
    this.environmentVariable = environmentVariable;
    this.listener = listener;
    this.defaultPort = defaultPort;
  }

  String environmentVariable() {
    return environmentVariable;
  }

  /** What listens on the port, as the user knows it. */
  String listener() {
    return listener;
  }

  int defaultPort() {
    return defaultPort;
  }
}
