package org.leadflow.lead.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Merge Patch (RFC 7386): {@code null} removes a member, objects merge, anything else replaces. */
final class MergePatch {

  static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /**
   * Values named by dotted paths ({@code qualification.budget.note}) as the JSON object they name
   * ({@code {"qualification": {"budget": {"note": ...}}}}): the lead's fields as a request sets them.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nested(Map<String, Object> byPath) {
    Map<String, Object> root = new LinkedHashMap<>();
    byPath.forEach((path, value) -> {
      Map<String, Object> parent = root;
      String[] names = path.split("\\.");
      for (int i = 0; i < names.length - 1; i++) {
        parent = (Map<String, Object>) parent.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
      }
      parent.put(names[names.length - 1], value);
    });
    return root;
  }
}
