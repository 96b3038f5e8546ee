package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The schemas of one document: follows {@code $ref}s (OpenAPI 3.1 allows siblings beside them, whose
 * examples and constraints count too), tells a schema's JSON type, and builds a valid sample value.
 */
public final class Schemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEEPEST = 8;

  private final Map<String, Schema> components;

  Schemas(Map<String, Schema> components) {
    this.components = components;
  }

  /** The schema a {@code $ref} names, or the schema itself. */
  public Schema<?> resolve(Schema<?> schema) {
    Schema<?> current = schema;
    for (int hops = 0; current != null && current.get$ref() != null && hops < DEEPEST; hops++) {
      String ref = current.get$ref();
      current = components.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  /** Whether the schema admits null: {@code type: [..., "null"]} (OpenAPI 3.1) or {@code nullable: true}. */
  public boolean nullable(Schema<?> schema) {
    for (Schema<?> candidate : List.of(schema, resolveOr(schema))) {
      if (candidate.getTypes() != null && candidate.getTypes().contains("null") || Boolean.TRUE.equals(candidate.getNullable())) {
        return true;
      }
    }
    return false;
  }

  /** object, array, string, integer, number, boolean, or "any" when the schema does not say. */
  public String type(Schema<?> schema) {
    for (Schema<?> candidate : List.of(schema, resolveOr(schema))) {
      Set<String> types = candidate.getTypes();
      if (types != null) {
        for (String type : types) {
          if (!type.equals("null")) {
            return type;
          }
        }
      }
      if (candidate.getType() != null) {
        return candidate.getType();
      }
    }
    Schema<?> resolved = resolveOr(schema);
    if (resolved.getProperties() != null) {
      return "object";
    }
    if (resolved.getItems() != null) {
      return "array";
    }
    return "any";
  }

  /** The first example the schema (or its {@code $ref} sibling) documents, or null. */
  public JsonNode example(Schema<?> schema) {
    for (Schema<?> candidate : List.of(schema, resolveOr(schema))) {
      if (candidate.getExamples() != null && !candidate.getExamples().isEmpty()) {
        return JSON.valueToTree(candidate.getExamples().get(0));
      }
      if (candidate.getExample() != null) {
        return JSON.valueToTree(candidate.getExample());
      }
    }
    return null;
  }

  public String format(Schema<?> schema) {
    return schema.getFormat() != null ? schema.getFormat() : resolveOr(schema).getFormat();
  }

  /** The constraint of the schema or, when it has none, of the schema its {@code $ref} names. */
  public Schema<?> resolveOr(Schema<?> schema) {
    Schema<?> resolved = resolve(schema);
    return resolved == null ? schema : resolved;
  }

  /** A value the schema accepts, from its examples where it has them: what a valid request carries. */
  public JsonNode sample(Schema<?> schema) {
    return sample(schema, 0);
  }

  private JsonNode sample(Schema<?> schema, int depth) {
    JsonNode example = example(schema);
    if (example != null) {
      return example;
    }
    Schema<?> resolved = resolveOr(schema);
    if (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) {
      return JSON.valueToTree(resolved.getEnum().get(0));
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (type(schema)) {
      case "object" -> {
        ObjectNode object = nodes.objectNode();
        if (depth < DEEPEST && resolved.getProperties() != null && resolved.getRequired() != null) {
          for (String required : resolved.getRequired()) {
            Schema<?> member = resolved.getProperties().get(required);
            if (member != null) {
              object.set(required, sample(member, depth + 1));
            }
          }
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = nodes.arrayNode();
        if (depth < DEEPEST && resolved.getItems() != null) {
          array.add(sample(resolved.getItems(), depth + 1));
        }
        return array;
      }
      case "integer", "number" -> {
        return nodes.numberNode(resolved.getMinimum() == null ? 1 : resolved.getMinimum().intValue() + 1);
      }
      case "boolean" -> {
        return nodes.booleanNode(true);
      }
      default -> {
        String format = format(schema);
        if ("uuid".equals(format)) {
          return nodes.textNode(UUID.randomUUID().toString());
        }
        if ("date".equals(format)) {
          return nodes.textNode("2027-03-31");
        }
        if ("date-time".equals(format)) {
          return nodes.textNode("2027-03-31T10:00:00Z");
        }
        return nodes.textNode("Sample");
      }
    }
  }

  /** The members of an object schema, in document order, each with its schema. */
  public List<Map.Entry<String, Schema>> properties(Schema<?> schema) {
    Schema<?> resolved = resolveOr(schema);
    return resolved.getProperties() == null ? List.of() : new ArrayList<>(resolved.getProperties().entrySet());
  }

  public boolean requires(Schema<?> objectSchema, String member) {
    List<String> required = resolveOr(objectSchema).getRequired();
    return required != null && required.contains(member);
  }
}
