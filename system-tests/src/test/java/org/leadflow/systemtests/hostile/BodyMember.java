package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A member of a request body, at any depth: {@code opportunity.lines[0].quantity}.
 *
 * @param steps member names (String) and array indexes (Integer) from the body's root
 * @param containers the schema of each container entered on the way: the body's first
 * @param schema the member's own schema
 * @param required whether its object requires it
 */
public record BodyMember(List<Object> steps, List<Schema<?>> containers, Schema<?> schema, boolean required) {

  private static final int DEEPEST = 6;

  /** Every member of the body schema, nested members and array items included. */
  public static List<BodyMember> of(Schema<?> body, Schemas schemas) {
    List<BodyMember> members = new ArrayList<>();
    collect(body, List.of(), List.of(body), schemas, members);
    return members;
  }

  private static void collect(
      Schema<?> container, List<Object> at, List<Schema<?>> containers, Schemas schemas, List<BodyMember> members) {
    if (at.size() >= DEEPEST) {
      return;
    }
    switch (schemas.type(container)) {
      case "object" -> {
        for (Map.Entry<String, Schema> property : schemas.properties(container)) {
          add(property.getValue(), append(at, property.getKey()), containers, schemas.requires(container, property.getKey()), schemas, members);
        }
        Object additional = schemas.resolveOr(container).getAdditionalProperties();
        if (additional instanceof Schema<?> valueSchema && schemas.properties(container).isEmpty()) {
          JsonNode sample = schemas.sample(container);
          String key = sample.isObject() && sample.fieldNames().hasNext() ? sample.fieldNames().next() : "key";
          add(valueSchema, append(at, key), containers, false, schemas, members);
        }
      }
      case "array" -> {
        Schema<?> items = schemas.resolveOr(container).getItems();
        if (items != null) {
          add(items, append(at, 0), containers, false, schemas, members);
        }
      }
      default -> {}
    }
  }

  private static void add(
      Schema<?> schema, List<Object> at, List<Schema<?>> containers, boolean required, Schemas schemas, List<BodyMember> members) {
    members.add(new BodyMember(at, containers, schema, required));
    String type = schemas.type(schema);
    if (type.equals("object") || type.equals("array")) {
      List<Schema<?>> deeper = new ArrayList<>(containers);
      deeper.add(schema);
      collect(schema, at, deeper, schemas, members);
    }
  }

  private static List<Object> append(List<Object> at, Object step) {
    List<Object> steps = new ArrayList<>(at);
    steps.add(step);
    return List.copyOf(steps);
  }

  /** {@code opportunity.lines[0].quantity} */
  public String name() {
    StringBuilder name = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        name.append(name.isEmpty() ? "" : ".").append(step);
      }
    }
    return name.toString();
  }

  /** The member's JSON pointer, e.g. {@code /opportunity/lines/0/quantity}. */
  public String pointer() {
    StringBuilder pointer = new StringBuilder();
    steps.forEach(step -> pointer.append('/').append(step.toString().replace("~", "~0").replace("/", "~1")));
    return pointer.toString();
  }

  /**
   * A copy of {@code base} with this member set to {@code value}; containers missing on the way are
   * made from their schema's sample, so that the rest of the body stays valid.
   */
  public JsonNode setIn(JsonNode base, JsonNode value, Schemas schemas) {
    JsonNode root = base != null && base.isContainerNode() ? base.deepCopy() : container(containers.get(0), schemas);
    JsonNode node = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      JsonNode child = step instanceof Integer index ? node.get(index) : node.get((String) step);
      Schema<?> childSchema = containers.get(i + 1);
      boolean wantArray = schemas.type(childSchema).equals("array");
      if (child == null || (wantArray ? !child.isArray() : !child.isObject())) {
        child = container(childSchema, schemas);
        put(node, step, child);
      }
      node = child;
    }
    put(node, steps.get(steps.size() - 1), value);
    return root;
  }

  private static JsonNode container(Schema<?> schema, Schemas schemas) {
    JsonNode sample = schemas.sample(schema).deepCopy();
    boolean wantArray = schemas.type(schema).equals("array");
    if (wantArray ? sample.isArray() : sample.isObject()) {
      return sample;
    }
    return wantArray ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
  }

  private static void put(JsonNode container, Object step, JsonNode value) {
    if (container instanceof ArrayNode array && step instanceof Integer index) {
      if (index < array.size()) {
        array.set(index, value);
      } else {
        array.add(value);
      }
    } else if (container instanceof ObjectNode object) {
      object.set(step.toString(), value);
    }
  }
}
