package org.leadflow.devstack;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventCatalog;

/** Holds what a service published to the event schemas of {@code contracts} (JSON Schema 2020-12). */
public final class EventContract {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventContract() {}

  /**
   * Checks the event's data against the schema of its {@code ce_type}.
   *
   * @throws AssertionError naming the type and every violation, or an unknown type
   */
  public static void assertValid(TopicReader.Event event) {
    String type = event.header(CloudEventHeaders.TYPE);
    if (!EventCatalog.DATA_TYPES.containsKey(type)) {
      throw new AssertionError("No schema in contracts for event type " + type);
    }
    List<Error> errors =
        SCHEMAS.computeIfAbsent(type, EventContract::load)
            .validate(event.value(), InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    if (!errors.isEmpty()) {
      throw new AssertionError(type + " does not match its schema: " + errors + " in " + event.value());
    }
  }

  private static Schema load(String type) {
    try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
      return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
