package org.leadflow.devstack;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.leadflow.contracts.EventTopics;

/** Creates LeadFlow's topics up front, partitioned as in production, so that no test relies on auto-creation. */
final class Topics {

  static final int PARTITIONS = 3;

  private Topics() {}

  static void createLeadflowTopics(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      Collection<NewTopic> missing =
          EventTopics.ALL.stream()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
              .toList();
      if (!missing.isEmpty()) {
        // A client of a service already running on this broker (a test profile's restart) may
        // create a topic between the listing and here: one that exists by now is what was wanted.
        for (KafkaFuture<Void> created : admin.createTopics(List.copyOf(missing)).values().values()) {
          try {
            created.get(30, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create Kafka topics on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating Kafka topics", e);
    }
  }
}
