package org.leadflow.devstack;

/**
 * The one PostgreSQL server and Kafka broker of a test JVM: started on first use, stopped when the
 * JVM exits. Which kind is chosen by the system property {@code leadflow.infra}: {@code embedded}
 * (default, no Docker) or {@code testcontainers}.
 */
public final class SharedInfrastructure {

  public static final String MODE_PROPERTY = "leadflow.infra";

  private static Infrastructure instance;
  /** Why the infrastructure could not start: every later test class gets the same answer at once. */
  private static RuntimeException failedToStart;

  private SharedInfrastructure() {}

  public static synchronized Infrastructure get() {
    if (failedToStart != null) {
      throw failedToStart;
    }
    if (instance == null) {
      Infrastructure started;
      try {
        started = startConfigured();
      } catch (RuntimeException e) {
        failedToStart = e;
        throw e;
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "leadflow-infrastructure-shutdown"));
      instance = started;
    }
    return instance;
  }

  private static Infrastructure startConfigured() {
    String mode = System.getProperty(MODE_PROPERTY, "embedded").trim();
    return switch (mode) {
      case "", "embedded" -> EmbeddedInfrastructure.startEphemeral();
      case "testcontainers" -> ContainerInfrastructure.start();
      default ->
          throw new IllegalArgumentException(
              MODE_PROPERTY + " must be 'embedded' or 'testcontainers', not '" + mode + "'");
    };
  }
}
