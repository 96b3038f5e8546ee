package org.leadflow.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.leadflow.devstack.SharedInfrastructure;

/**
 * Creates the test application's outbox topic with several partitions before the relay publishes,
 * so that the events of different aggregates (keys) land on different partitions, as in a service.
 */
public class OutboxTopic implements QuarkusTestResourceLifecycleManager {

  static final String NAME = "messaging-test.outbox";

  @Override
  public Map<String, String> start() {
    create(SharedInfrastructure.get().kafkaBootstrapServers());
    return Map.of();
  }

  static void create(String servers) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(NAME)) {
        admin.createTopics(List.of(new NewTopic(NAME, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not create " + NAME + " on " + servers, e);
    }
  }

  @Override
  public void stop() {}
}
