package org.leadflow.contracts.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * The breaking changes between a released OpenAPI document and its current version: what
 * openapi-diff finds (a removed path, operation, parameter, response or media type, a new required
 * request member or parameter, a changed type, a narrowed enumeration or range, ...) and, stricter
 * than openapi-diff, any member removed from a schema. openapi-diff lets a response lose a member
 * that is not {@code required}, but a client reading that member breaks all the same; and the
 * services refuse request members they do not know, so a client still sending one breaks too.
 *
 * <p>openapi-diff reads schemas the OpenAPI 3.0 way (given 3.1 it sees no {@code type} at all), so
 * both documents are compared in their 3.0 form: the services' documents use no 3.1 construct but
 * {@code examples} in schemas, which becomes {@code example}, and type lists, which become a type
 * and {@code nullable}.
 */
public final class OpenApiCompatibility {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ChangedOpenApi changes;
  private final List<String> removedMembers;

  private OpenApiCompatibility(ChangedOpenApi changes, List<String> removedMembers) {
    this.changes = changes;
    this.removedMembers = removedMembers;
  }

  public static OpenApiCompatibility between(String releasedDocument, String currentDocument) {
    return new OpenApiCompatibility(
        OpenApiCompare.fromContents(asOpenApi30(releasedDocument), asOpenApi30(currentDocument)),
        removedMembers(read(releasedDocument), read(currentDocument)));
  }

  public boolean breaking() {
    return changes.isIncompatible() || !removedMembers.isEmpty();
  }

  public boolean changed() {
    return changes.isDifferent() || !removedMembers.isEmpty();
  }

  /** The schemas and schema members that are gone, e.g. {@code Lead.firstName}. */
  public List<String> removedMembers() {
    return removedMembers;
  }

  /** The removed members, then openapi-diff's change log with the changes it finds breaking marked. */
  public String report() {
    StringBuilder report = new StringBuilder();
    if (!removedMembers.isEmpty()) {
      report.append("Breaking: removed from the schemas\n");
      removedMembers.forEach(member -> report.append("  - ").append(member).append('\n'));
      report.append("openapi-diff's change log (its verdict does not count members removed from responses):\n");
    }
    return report.append(new ConsoleRender().render(changes)).toString();
  }

  private static List<String> removedMembers(JsonNode released, JsonNode current) {
    List<String> removed = new ArrayList<>();
    JsonNode before = released.path("components").path("schemas");
    JsonNode after = current.path("components").path("schemas");
    before.fieldNames().forEachRemaining(
        schema -> {
          if (!after.has(schema)) {
            removed.add(schema + " (the whole schema)");
            return;
          }
          JsonNode remaining = after.get(schema).path("properties");
          before.get(schema).path("properties").fieldNames().forEachRemaining(
              member -> {
                if (!remaining.has(member)) {
                  removed.add(schema + "." + member);
                }
              });
        });
    return List.copyOf(removed);
  }

  static String asOpenApi30(String document) {
    JsonNode tree = read(document);
    if (tree.path("openapi").asText().startsWith("3.1")) {
      ((ObjectNode) tree).put("openapi", "3.0.3");
      downgradeSchemas(tree.path("components").path("schemas"));
      downgradeSchemas(tree.path("paths"));
    }
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks everything under {@code node}; in schemas, 3.1 examples and type lists become 3.0 ones. */
  private static void downgradeSchemas(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode type = object.get("type");
      if (type != null && type.isArray()) {
        boolean nullable = false;
        String single = null;
        for (JsonNode each : type) {
          if (each.asText().equals("null")) {
            nullable = true;
          } else {
            single = each.asText();
          }
        }
        object.put("type", single);
        if (nullable) {
          object.put("nullable", true);
        }
      }
      JsonNode examples = object.get("examples");
      if (examples != null && examples.isArray()) {
        object.remove("examples");
        if (!examples.isEmpty()) {
          object.set("example", examples.get(0));
        }
      }
      object.elements().forEachRemaining(OpenApiCompatibility::downgradeSchemas);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OpenApiCompatibility::downgradeSchemas);
    }
  }

  private static JsonNode read(String document) {
    try {
      return YAML.readTree(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Not an OpenAPI document", e);
    }
  }
}
