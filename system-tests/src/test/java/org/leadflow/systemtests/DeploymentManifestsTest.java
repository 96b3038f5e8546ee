package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests (deploy/kubernetes) agree with the services they deploy: the port, the
 * health and metrics paths the services serve, probes and resources on every container, and every
 * ConfigMap and Secret they name defined beside them. Offline and in milliseconds; kubectl and
 * kubeconform are not needed to run it.
 */
class DeploymentManifestsTest {

  private static final Path CHECKOUT = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();
  private static final Path MANIFESTS = CHECKOUT.resolve("deploy/kubernetes");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theKustomizationListsEveryManifestAndEachParses() throws IOException {
    JsonNode kustomization = YAML.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
    List<String> listed = new ArrayList<>();
    kustomization.get("resources").forEach(resource -> listed.add(resource.asText()));
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(objects()).allSatisfy(object -> {
      assertThat(object.path("apiVersion").asText()).isNotEmpty();
      assertThat(object.path("kind").asText()).isNotEmpty();
      assertThat(object.at("/metadata/name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"lead-service", "opportunity-service"})
  void eachServiceRunsWithProbesOnItsHealthEndpointsResourcesAMetricsAnnotationAServiceAndADisruptionBudget(String service)
      throws IOException {
    JsonNode deployment = object("Deployment", service);
    JsonNode pod = deployment.at("/spec/template");
    JsonNode container = pod.at("/spec/containers/0");
    Properties properties = applicationProperties(service);

    assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(pod.at("/metadata/labels"));
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
    int port = container.at("/ports/0/containerPort").asInt();
    assertThat(object("ConfigMap", "leadflow-config").at("/data/QUARKUS_HTTP_PORT").asText()).isEqualTo(String.valueOf(port));
    assertThat(pod.at("/metadata/annotations/prometheus.io~1port").asText()).isEqualTo(String.valueOf(port));
    assertThat(pod.at("/metadata/annotations/prometheus.io~1path").asText())
        .isEqualTo(properties.getProperty("quarkus.micrometer.export.prometheus.path"));
    // Quarkus SmallRye Health's endpoints (its root path is not changed by the services).
    assertThat(properties.getProperty("quarkus.smallrye-health.root-path")).isNull();
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("http");
    }
    assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    // The pod outlives the shutdown the services are given for in-flight work.
    int grace = pod.at("/spec/terminationGracePeriodSeconds").asInt();
    String shutdown = object("ConfigMap", "leadflow-config").at("/data/QUARKUS_SHUTDOWN_TIMEOUT").asText();
    assertThat(grace).isGreaterThan(Integer.parseInt(shutdown.replace("s", "")) + 5);

    JsonNode kubernetesService = object("Service", service);
    assertThat(kubernetesService.at("/spec/selector")).isEqualTo(pod.at("/metadata/labels"));
    assertThat(kubernetesService.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(object("PodDisruptionBudget", service).at("/spec/selector/matchLabels")).isEqualTo(pod.at("/metadata/labels"));
  }

  @Test
  void everyConfigMapAndSecretTheServicesNameIsDefined() throws IOException {
    Set<String> defined = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (JsonNode object : objects()) {
      String kind = object.path("kind").asText();
      if (kind.equals("ConfigMap") || kind.equals("Secret")) {
        defined.add(kind + "/" + object.at("/metadata/name").asText());
      }
      if (kind.equals("Deployment")) {
        object.findValues("configMapRef").forEach(ref -> named.add("ConfigMap/" + ref.path("name").asText()));
        object.findValues("secretKeyRef").forEach(ref -> named.add("Secret/" + ref.path("name").asText()));
        object.findValues("secretName").forEach(name -> named.add("Secret/" + name.asText()));
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(defined).containsAll(named);
  }

  private static JsonNode object(String kind, String name) throws IOException {
    return objects().stream()
        .filter(object -> object.path("kind").asText().equals(kind) && object.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + MANIFESTS));
  }

  private static List<JsonNode> objects() throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(path -> !path.endsWith("kustomization.yaml")).toList()) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
          YAML.readValues(parser, JsonNode.class).forEachRemaining(object -> {
            if (object != null && !object.isNull()) {
              objects.add(object);
            }
          });
        }
      }
    }
    return objects;
  }

  private static Properties applicationProperties(String service) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(CHECKOUT.resolve(service + "/src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return properties;
  }
}
