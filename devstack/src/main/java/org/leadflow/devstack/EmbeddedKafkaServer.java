package org.leadflow.devstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this
 * JVM. With a log directory it keeps topics, offsets and its cluster id between runs.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;
  private final int port;

  private EmbeddedKafkaServer(EmbeddedKafkaBroker broker, int port) {
    this.broker = broker;
    this.port = port;
  }

  /**
   * Starts the broker on 127.0.0.1.
   *
   * @param logDirectory where the broker keeps its data, or {@code null} for a throwaway directory
   * @param port the client port, or 0 for a free one
   * @param controllerPort the KRaft controller port, or 0 for a free one
   */
  public static EmbeddedKafkaServer start(Path logDirectory, int port, int controllerPort) {
    return start(logDirectory, port, controllerPort, 0);
  }

  /**
   * Starts the broker on 127.0.0.1, telling clients to reach it at {@code advertisedPort} (a TCP
   * proxy in front of it, which a fault test can cut) rather than at its own port.
   *
   * @param advertisedPort the port the broker's metadata names, or 0 for its own port
   */
  public static EmbeddedKafkaServer start(
      Path logDirectory, int port, int controllerPort, int advertisedPort) {
    int clientPort = port > 0 ? port : FreePorts.find();
    int quorumPort = controllerPort > 0 ? controllerPort : FreePorts.find();
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(clientPort)
            .withControllerPort(quorumPort)
            .withDeleteLogDirsOnClose(logDirectory == null);
    if (advertisedPort > 0) {
      broker.withAdditionalProperties(
          props -> props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort));
    }
    if (logDirectory != null) {
      broker
          .withClusterId(persistentClusterId(logDirectory))
          .withAdditionalProperties(
              props -> {
                props.put("log.dir", logDirectory.resolve("data").toString());
                // The previous run's registration of this node otherwise blocks a restart for
                // the default 9 s session (DuplicateBrokerRegistrationException).
                props.put("broker.session.timeout.ms", "1500");
                props.put("broker.heartbeat.interval.ms", "500");
              });
    }
    return new EmbeddedKafkaServer(broker.start(), clientPort);
  }

  /** A formatted KRaft log directory only starts again under the cluster id it was formatted with. */
  private static String persistentClusterId(Path logDirectory) {
    Path idFile = logDirectory.resolve("cluster-id");
    try {
      Files.createDirectories(logDirectory);
      if (Files.exists(idFile)) {
        return Files.readString(idFile, StandardCharsets.UTF_8).trim();
      }
      String clusterId = Uuid.randomUuid().toString();
      Files.writeString(idFile, clusterId, StandardCharsets.UTF_8);
      return clusterId;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or write " + idFile, e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    broker.close();
  }
}
