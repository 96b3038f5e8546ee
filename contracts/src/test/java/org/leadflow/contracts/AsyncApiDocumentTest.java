package org.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code events/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (checked against the official
 * JSON Schema of the specification, from the {@code @asyncapi/specs} package, Apache-2.0) and
 * describes exactly the topics and event types the services publish, each with its schema.
 */
class AsyncApiDocumentTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SPECIFICATION = "/asyncapi/asyncapi-3.0.0.schema.json";

  @Test
  void isAValidAsyncApi300Document() throws IOException {
    List<Error> errors = specification().validate(ContractFiles.read(ContractFiles.ASYNCAPI), InputFormat.YAML);

    assertThat(errors).isEmpty();
  }

  @Test
  void anInvalidDocumentIsRejectedByTheSameCheck() throws IOException {
    String withoutAction = ContractFiles.read(ContractFiles.ASYNCAPI).replaceFirst("action: send", "verb: send");

    assertThat(specification().validate(withoutAction, InputFormat.YAML)).isNotEmpty();
  }

  @Test
  void describesEveryPublishedEventTypeWithItsSchemaAndTypeHeader() throws IOException {
    JsonNode messages = document().path("components").path("messages");
    Map<String, JsonNode> byType = new TreeMap<>();
    messages.forEach(message -> byType.put(message.path("name").asText(), message));
    byType.remove("dead-letter");

    assertThat(byType.keySet()).isEqualTo(new TreeSet<>(EventCatalog.DATA_TYPES.keySet()));
    byType.forEach(
        (type, message) -> {
          String schema = message.path("payload").path("schema").path("$ref").asText();
          assertThat(schema).as(type + "'s payload").isEqualTo("./schemas/" + type + ".schema.json");
          assertThat(Files.exists(ContractFiles.EVENTS.resolve(schema))).as(schema + " exists").isTrue();
          assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const").asText())
              .as(type + "'s ce_type header")
              .isEqualTo(type);
        });
  }

  @Test
  void eachTopicCarriesTheTypesOfItsPublisher() throws IOException {
    JsonNode channels = document().path("channels");
    Map<String, Set<String>> typesByTopic = new TreeMap<>();
    channels.forEach(
        channel -> {
          Set<String> types = new TreeSet<>();
          channel.path("messages").forEach(reference -> types.add(message(reference).path("name").asText()));
          typesByTopic.put(channel.path("address").asText(), types);
        });

    assertThat(typesByTopic)
        .containsOnlyKeys(EventTopics.ALL)
        .containsEntry(EventTopics.LEAD_EVENTS, typesStartingWith("leadflow.lead."))
        .containsEntry(EventTopics.OPPORTUNITY_EVENTS, typesStartingWith("leadflow.opportunity."))
        .containsEntry(EventTopics.LEAD_EVENTS_DEAD_LETTER, Set.of("dead-letter"))
        .containsEntry(EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER, Set.of("dead-letter"));
  }

  private static Schema specification() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(SPECIFICATION)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    }
  }

  private static Set<String> typesStartingWith(String prefix) {
    Set<String> types = new TreeSet<>();
    EventCatalog.DATA_TYPES.keySet().stream().filter(type -> type.startsWith(prefix)).forEach(types::add);
    return types;
  }

  private static JsonNode message(JsonNode reference) {
    String pointer = reference.path("$ref").asText();
    try {
      return document().at(pointer.substring(1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode document() throws IOException {
    return YAML.readTree(ContractFiles.read(ContractFiles.ASYNCAPI));
  }
}
