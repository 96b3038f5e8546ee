package org.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The event schemas, their examples and the records both services use say the same thing. */
class EventSchemasTest {

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  static Stream<String> eventTypes() {
    return EventCatalog.DATA_TYPES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void theExampleIsValidAgainstTheSchema(String type) throws IOException {
    assertThat(validate(type, read(EventCatalog.exampleResource(type)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void theSchemaRejectsAnInstanceMissingARequiredMember(String type) throws IOException {
    JsonNode schema = JSON.readTree(read(EventCatalog.schemaResource(type)));
    String required = schema.get("required").get(0).asText();
    ObjectNode broken = (ObjectNode) JSON.readTree(read(EventCatalog.exampleResource(type)));
    broken.remove(required);

    assertThat(validate(type, JSON.writeValueAsString(broken))).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void theExampleIsReadByTheRecordConsumersUse(String type) throws IOException {
    Object data = JSON.readValue(read(EventCatalog.exampleResource(type)), EventCatalog.DATA_TYPES.get(type));
    assertThat(data).hasNoNullFieldsOrPropertiesExcept(nullableIn(type));
  }

  /** {@code ce_dataschema} names the schema a subscriber fetches: it must be the schema's own {@code $id}. */
  @ParameterizedTest
  @MethodSource("eventTypes")
  void theDataSchemaHeaderOfEachTypeIsItsSchemasId(String type) throws IOException {
    JsonNode schema = JSON.readTree(read(EventCatalog.schemaResource(type)));
    assertThat(schema.get("$id").asText()).isEqualTo(CloudEventHeaders.dataSchema(type));
  }

  /** Renaming, adding or removing a record component without changing the schema fails here. */
  @ParameterizedTest
  @MethodSource("eventTypes")
  void theSchemaAndTheRecordHaveTheSameMembers(String type) throws IOException {
    JsonNode schema = JSON.readTree(read(EventCatalog.schemaResource(type)));
    List<String> differences = new ArrayList<>();
    compare(EventCatalog.DATA_TYPES.get(type), schema, schema, type, differences);
    assertThat(differences).as("schema %s vs its record", type).isEmpty();
  }

  private static void compare(Class<?> record, JsonNode node, JsonNode root, String path, List<String> differences) {
    JsonNode schema = resolve(node, root);
    Set<String> inSchema = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(inSchema::add);
    Set<String> inRecord = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      inRecord.add(component.getName());
      JsonNode property = schema.get("properties").get(component.getName());
      if (property == null) {
        continue;
      }
      Class<?> nested = nestedRecord(component.getGenericType());
      if (nested != null && nested.getPackageName().startsWith("org.leadflow.contracts")) {
        JsonNode target = resolve(property, root);
        compare(nested, target.has("items") ? target.get("items") : target, root, path + "." + component.getName(), differences);
      }
    }
    for (String missing : difference(inRecord, inSchema)) {
      differences.add(path + "." + missing + " is in " + record.getSimpleName() + " but not in the schema");
    }
    for (String extra : difference(inSchema, inRecord)) {
      differences.add(path + "." + extra + " is in the schema but not in " + record.getSimpleName());
    }
  }

  private static Class<?> nestedRecord(Type type) {
    if (type instanceof Class<?> c && c.isRecord()) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
      return c;
    }
    return null;
  }

  /** Follows {@code $ref} and a {@code oneOf} with null to the object schema. */
  private static JsonNode resolve(JsonNode node, JsonNode root) {
    if (node.has("$ref")) {
      return resolve(root.at(node.get("$ref").asText().substring(1)), root);
    }
    if (node.has("oneOf")) {
      for (Iterator<JsonNode> options = node.get("oneOf").elements(); options.hasNext(); ) {
        JsonNode option = resolve(options.next(), root);
        if (option.has("properties")) {
          return option;
        }
      }
    }
    return node;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

  private static String[] nullableIn(String type) {
    // Members the examples leave null on purpose (optional in the schema).
    return switch (type) {
      case "leadflow.lead.created.v1" -> new String[] {"ownerId"};
      // A person's disqualification (with a sales manager's override) has no cause; LeadFlow's has no override.
      case "leadflow.lead.disqualified.v1" -> new String[] {"cause"};
      default -> new String[0];
    };
  }

  private static List<Error> validate(String type, String instance) throws IOException {
    Schema schema = SCHEMAS.getSchema(read(EventCatalog.schemaResource(type)), InputFormat.JSON);
    return schema.validate(instance, InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = EventSchemasTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
