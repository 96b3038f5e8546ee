package org.leadflow.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the security baseline asks of a service's OpenAPI document (module web's OpenApiErrors): a
 * bearer JWT scheme, required by every operation with the roles it allows, which documents 401, 403
 * and 429, and 413 where it reads a body. A public operation (extension {@code x-leadflow-public}, a
 * web form's capture endpoint) requires no token ({@code security: []}) and so documents no 401,
 * but its limits all the same (429, and 413 where it reads a body).
 */
public final class OpenApiSecurity {

  private OpenApiSecurity() {}

  /** Every way {@code document} falls short, one line each; empty when it does not. */
  public static List<String> shortcomings(JsonNode document) {
    List<String> shortcomings = new ArrayList<>();
    JsonNode scheme = document.at("/components/securitySchemes/bearer");
    if (!"http".equals(scheme.path("type").asText())
        || !"bearer".equals(scheme.path("scheme").asText())
        || !"JWT".equals(scheme.path("bearerFormat").asText())) {
      shortcomings.add("no bearer JWT security scheme: " + scheme);
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = operations.next();
        String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        JsonNode security = operation.getValue().path("security");
        JsonNode responses = operation.getValue().path("responses");
        boolean open = "true".equals(operation.getValue().path("x-leadflow-public").asText());
        if (open) {
          if (!security.isArray() || !security.isEmpty()) {
            shortcomings.add(name + " is public but requires security: " + security);
          }
          if (responses.has("401")) {
            shortcomings.add(name + " is public but documents 401");
          }
        } else if (security.size() != 1 || security.get(0).size() != 1 || security.get(0).path("bearer").isEmpty()) {
          shortcomings.add(name + " does not require the bearer token with the roles it allows: " + security);
        }
        List<String> expected = new ArrayList<>(open ? List.of("429") : List.of("401", "403", "429"));
        if (operation.getValue().has("requestBody")) {
          expected.add("413");
        }
        expected.stream()
            .filter(status -> !responses.has(status))
            .forEach(status -> shortcomings.add(name + " does not document " + status));
      }
    }
    return shortcomings;
  }
}
