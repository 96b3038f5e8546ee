package org.leadflow.contracts.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The breaking changes between a released event schema and its current version.
 *
 * <p>An event schema serves two readers: consumers, who expect what it promised, and events
 * already on the topic (or replayed from it), which must stay valid. So within one type version:
 *
 * <ul>
 *   <li>a member may not be removed, and a member may not become required;
 *   <li>a member's type may neither narrow (e.g. no longer null) nor widen (a consumer does not
 *       expect the new type); nor may its format, pattern or constant change;
 *   <li>enumeration values may be added but not removed, and numeric bounds may widen but not narrow;
 *   <li>a closed object ({@code additionalProperties: false}) stays open if it was.
 * </ul>
 *
 * Anything else — a new optional member, a new enumeration value, a new description — is additive.
 * Local references ({@code #/$defs/...}) are followed on both sides.
 */
public final class EventSchemaCompatibility {

  private final JsonNode releasedRoot;
  private final JsonNode currentRoot;
  private final List<String> breaking = new ArrayList<>();

  private EventSchemaCompatibility(JsonNode releasedRoot, JsonNode currentRoot) {
    this.releasedRoot = releasedRoot;
    this.currentRoot = currentRoot;
  }

  /** Every breaking change, each naming the member it concerns; empty when the change is additive. */
  public static List<String> breakingChanges(JsonNode released, JsonNode current) {
    EventSchemaCompatibility check = new EventSchemaCompatibility(released, current);
    check.compare("", released, current, new TreeSet<>());
    return List.copyOf(check.breaking);
  }

  private void compare(String where, JsonNode released, JsonNode current, Set<String> followed) {
    String releasedReference = released.path("$ref").asText(null);
    String currentReference = current.path("$ref").asText(null);
    if (releasedReference != null || currentReference != null) {
      String pair = releasedReference + " -> " + currentReference;
      if (followed.add(pair)) {
        compare(where, resolve(releasedRoot, released), resolve(currentRoot, current), followed);
        followed.remove(pair);
      }
      return;
    }
    compareTypes(where, released, current);
    compareUnchanged(where, released, current, "format");
    compareUnchanged(where, released, current, "pattern");
    compareUnchanged(where, released, current, "const");
    compareEnums(where, released, current);
    compareBounds(where, released, current);
    compareProperties(where, released, current, followed);
    compareAlternatives(where, released, current, "oneOf", followed);
    compareAlternatives(where, released, current, "anyOf", followed);
    if (released.has("items") && current.has("items")) {
      compare(where + "[]", released.get("items"), current.get("items"), followed);
    } else if (released.has("items")) {
      breaking.add(at(where) + ": the type of its items is no longer given");
    }
  }

  private void compareTypes(String where, JsonNode released, JsonNode current) {
    Set<String> before = types(released);
    Set<String> after = types(current);
    if (before.isEmpty() || before.equals(after)) {
      return;
    }
    Set<String> lost = new TreeSet<>(before);
    lost.removeAll(after);
    Set<String> gained = new TreeSet<>(after);
    gained.removeAll(before);
    if (after.isEmpty()) {
      breaking.add(at(where) + ": its type " + before + " is no longer given");
    } else if (!lost.isEmpty()) {
      breaking.add(at(where) + ": type narrowed from " + before + " to " + after);
    } else {
      breaking.add(at(where) + ": type widened from " + before + " to " + after + "; consumers do not expect " + gained);
    }
  }

  private void compareUnchanged(String where, JsonNode released, JsonNode current, String keyword) {
    JsonNode before = released.get(keyword);
    JsonNode after = current.get(keyword);
    if (before == null && after == null || before != null && before.equals(after)) {
      return;
    }
    breaking.add(at(where) + ": " + keyword + " changed from " + describe(before) + " to " + describe(after));
  }

  private void compareEnums(String where, JsonNode released, JsonNode current) {
    if (!released.has("enum")) {
      if (current.has("enum")) {
        breaking.add(at(where) + ": now limited to " + current.get("enum"));
      }
      return;
    }
    Set<String> after = new LinkedHashSet<>();
    current.path("enum").forEach(value -> after.add(value.toString()));
    if (!current.has("enum")) {
      return;
    }
    released.get("enum").forEach(
        value -> {
          if (!after.contains(value.toString())) {
            breaking.add(at(where) + ": value " + value + " removed");
          }
        });
  }

  private void compareBounds(String where, JsonNode released, JsonNode current) {
    for (String lower : List.of("minimum", "exclusiveMinimum", "minLength", "minItems")) {
      BigDecimal before = number(released, lower);
      BigDecimal after = number(current, lower);
      if (after != null && (before == null || after.compareTo(before) > 0)) {
        breaking.add(at(where) + ": " + lower + " raised from " + describe(released.get(lower)) + " to " + after);
      }
    }
    for (String upper : List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems")) {
      BigDecimal before = number(released, upper);
      BigDecimal after = number(current, upper);
      if (after != null && (before == null || after.compareTo(before) < 0)) {
        breaking.add(at(where) + ": " + upper + " lowered from " + describe(released.get(upper)) + " to " + after);
      }
    }
  }

  private void compareProperties(String where, JsonNode released, JsonNode current, Set<String> followed) {
    JsonNode before = released.path("properties");
    JsonNode after = current.path("properties");
    before.fieldNames().forEachRemaining(
        name -> {
          if (after.has(name)) {
            compare(member(where, name), before.get(name), after.get(name), followed);
          } else {
            breaking.add(at(member(where, name)) + ": removed");
          }
        });
    Set<String> required = new TreeSet<>();
    released.path("required").forEach(name -> required.add(name.asText()));
    current.path("required").forEach(
        name -> {
          if (!required.contains(name.asText())) {
            breaking.add(at(member(where, name.asText())) + ": became required");
          }
        });
    boolean wasOpen = !released.path("additionalProperties").isBoolean() || released.get("additionalProperties").asBoolean();
    boolean isOpen = !current.path("additionalProperties").isBoolean() || current.get("additionalProperties").asBoolean();
    if (wasOpen && !isOpen) {
      breaking.add(at(where) + ": no longer allows members it does not name (additionalProperties: false)");
    }
  }

  private void compareAlternatives(String where, JsonNode released, JsonNode current, String keyword, Set<String> followed) {
    JsonNode before = released.get(keyword);
    JsonNode after = current.get(keyword);
    if (before == null && after == null) {
      return;
    }
    if (before == null || after == null || before.size() != after.size()) {
      breaking.add(
          at(where) + ": " + keyword + " changed from " + (before == null ? 0 : before.size()) + " to " + (after == null ? 0 : after.size()) + " alternatives");
      return;
    }
    for (int i = 0; i < before.size(); i++) {
      compare(where + "(" + keyword + " " + (i + 1) + ")", before.get(i), after.get(i), followed);
    }
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    JsonNode type = schema.get("type");
    if (type == null) {
      return types;
    }
    if (type.isArray()) {
      type.forEach(each -> types.add(each.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    String reference = schema.path("$ref").asText(null);
    if (reference == null) {
      return schema;
    }
    if (!reference.startsWith("#/")) {
      throw new IllegalArgumentException("Only local references are supported, not " + reference);
    }
    JsonNode target = root.at(reference.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("Reference " + reference + " points nowhere");
    }
    return target;
  }

  private static BigDecimal number(JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private static String member(String where, String name) {
    return where.isEmpty() ? name : where + "." + name;
  }

  private static String at(String where) {
    return where.isEmpty() ? "(event data)" : where;
  }

  private static String describe(JsonNode value) {
    return value == null ? "none" : value.toString();
  }
}
