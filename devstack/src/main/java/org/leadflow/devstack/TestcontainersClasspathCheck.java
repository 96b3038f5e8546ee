package org.leadflow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dleadflow.infra=testcontainers} must find its classes in every module that tests with
 * devstack, whether Docker runs or not. Each such module extends this class in its tests: a module
 * whose test classpath lacks Testcontainers fails here with NoClassDefFoundError.
 */
public abstract class TestcontainersClasspathCheck {

  @Test
  void theContainerInfrastructureFindsTestcontainersOnThisModulesTestClasspath() {
    assertEquals(
        List.of(
            "org.testcontainers.DockerClientFactory",
            "org.testcontainers.postgresql.PostgreSQLContainer",
            "org.testcontainers.kafka.KafkaContainer"),
        ContainerInfrastructure.requiredClasses().stream().map(Class::getName).toList());
  }
}
