package org.leadflow.messaging.deadletter;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.leadflow.devstack.SharedInfrastructure;

/** Creates the test consumer's topics before the application subscribes. */
public class GreetingTopics implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String servers = SharedInfrastructure.get().kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          List.of(GreetingsConsumer.TOPIC, GreetingsConsumer.DEAD_LETTER_TOPIC).stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, 2, (short) 1))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not create the test topics on " + servers, e);
    }
    return Map.of();
  }

  @Override
  public void stop() {}
}
