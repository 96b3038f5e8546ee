package org.leadflow.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Holds a service's served OpenAPI document to its published copy in {@code contracts/openapi/}.
 *
 * <p>The services are written code first; the checked-in document is the contract that frontend
 * teams and other services build against. Any difference in a path, operation, parameter, schema,
 * response or example fails, named by where it is. With {@code -Dleadflow.contracts.update=true}
 * the published copy is rewritten from the served document instead, on purpose: contracts' own
 * compatibility check then decides whether the change needs a new major version.
 */
public final class OpenApiContract {

  public static final String UPDATE_PROPERTY = "leadflow.contracts.update";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final int MOST_REPORTED = 40;

  private OpenApiContract() {}

  /**
   * Compares the document a service serves with {@code contracts/openapi/<service>.yaml}.
   *
   * @param service the published document's name, e.g. {@code lead-service}
   * @param servedYaml the service's {@code /q/openapi} in YAML
   * @throws AssertionError naming every difference (up to {@value #MOST_REPORTED})
   */
  public static void assertMatches(String service, String servedYaml) {
    Path published = publishedDocument(service);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(published, servedYaml);
      return;
    }
    if (!Files.exists(published)) {
      throw new AssertionError("No published OpenAPI document " + published + "; create it with -D" + UPDATE_PROPERTY + "=true");
    }
    List<String> differences = differences(read(published), read(servedYaml));
    if (!differences.isEmpty()) {
      StringBuilder message =
          new StringBuilder("The OpenAPI document ")
              .append(service)
              .append(" serves differs from contracts/openapi/")
              .append(service)
              .append(".yaml in ")
              .append(differences.size())
              .append(differences.size() == 1 ? " place" : " places")
              .append(':');
      differences.stream().limit(MOST_REPORTED).forEach(difference -> message.append("\n  - ").append(difference));
      if (differences.size() > MOST_REPORTED) {
        message.append("\n  ... and ").append(differences.size() - MOST_REPORTED).append(" more");
      }
      message
          .append("\nIf the change is intended, publish it: ./mvnw verify -D")
          .append(UPDATE_PROPERTY)
          .append("=true, then ./mvnw verify again (contracts checks it against the released baseline).");
      throw new AssertionError(message.toString());
    }
  }

  /** Every place where the served document differs from the published one, most specific first. */
  static List<String> differences(JsonNode published, JsonNode served) {
    List<String> found = new ArrayList<>();
    compare("", published, served, found);
    return found;
  }

  private static void compare(String where, JsonNode published, JsonNode served, List<String> found) {
    if (published.isObject() && served.isObject()) {
      compareObjects(where, published, served, found);
    } else if (published.isArray() && served.isArray()) {
      compareArrays(where, published, served, found);
    } else if (!published.equals(served)) {
      found.add(location(where) + ": the contract says " + shortly(published) + ", the service serves " + shortly(served));
    }
  }

  private static void compareObjects(String where, JsonNode published, JsonNode served, List<String> found) {
    TreeSet<String> names = new TreeSet<>();
    published.fieldNames().forEachRemaining(names::add);
    served.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String inside = member(where, name);
      if (!served.has(name)) {
        found.add(location(inside) + ": in the contract, not served");
      } else if (!published.has(name)) {
        found.add(location(inside) + ": served, not in the contract");
      } else {
        compare(inside, published.get(name), served.get(name), found);
      }
    }
  }

  /**
   * Parameters are matched by where and name, lists of plain values (required members, enums,
   * tags) as sets, anything else position by position.
   */
  private static void compareArrays(String where, JsonNode published, JsonNode served, List<String> found) {
    if (allParameters(published) && allParameters(served)) {
      Map<String, JsonNode> servedByName = byParameterName(served);
      Map<String, JsonNode> publishedByName = byParameterName(published);
      publishedByName.forEach(
          (name, parameter) -> {
            String inside = where + "[" + name + "]";
            if (servedByName.containsKey(name)) {
              compare(inside, parameter, servedByName.get(name), found);
            } else {
              found.add(location(inside) + ": in the contract, not served");
            }
          });
      servedByName.keySet().stream()
          .filter(name -> !publishedByName.containsKey(name))
          .forEach(name -> found.add(location(where + "[" + name + "]") + ": served, not in the contract"));
    } else if (allValues(published) && allValues(served)) {
      TreeSet<String> publishedValues = values(published);
      TreeSet<String> servedValues = values(served);
      publishedValues.stream()
          .filter(value -> !servedValues.contains(value))
          .forEach(value -> found.add(location(where) + ": " + value + " in the contract, not served"));
      servedValues.stream()
          .filter(value -> !publishedValues.contains(value))
          .forEach(value -> found.add(location(where) + ": " + value + " served, not in the contract"));
    } else {
      int common = Math.min(published.size(), served.size());
      for (int i = 0; i < common; i++) {
        compare(where + "[" + i + "]", published.get(i), served.get(i), found);
      }
      if (published.size() != served.size()) {
        found.add(location(where) + ": the contract has " + published.size() + " entries, the service serves " + served.size());
      }
    }
  }

  private static boolean allParameters(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isObject() || !element.has("name") || !element.has("in")) {
        return false;
      }
    }
    return !array.isEmpty();
  }

  private static Map<String, JsonNode> byParameterName(JsonNode parameters) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    parameters.forEach(parameter -> byName.put(parameter.get("in").asText() + " " + parameter.get("name").asText(), parameter));
    return byName;
  }

  private static boolean allValues(JsonNode array) {
    for (JsonNode element : array) {
      if (element.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static TreeSet<String> values(JsonNode array) {
    TreeSet<String> values = new TreeSet<>();
    array.forEach(element -> values.add(element.toString()));
    return values;
  }

  private static String member(String where, String name) {
    return PLAIN_NAME.matcher(name).matches() ? (where.isEmpty() ? name : where + "." + name) : where + "['" + name + "']";
  }

  private static String location(String where) {
    return where.isEmpty() ? "(document)" : where;
  }

  private static String shortly(JsonNode node) {
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static Path publishedDocument(String service) {
    Path directory = Path.of("").toAbsolutePath();
    for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
      Path contracts = candidate.resolve("contracts").resolve("openapi");
      if (Files.isDirectory(contracts)) {
        return contracts.resolve(service + ".yaml");
      }
    }
    throw new AssertionError("No contracts/openapi directory above " + directory);
  }

  private static JsonNode read(Path document) {
    try {
      return YAML.readTree(document.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + document, e);
    }
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("The served OpenAPI document is not YAML", e);
    }
  }

  private static void write(Path published, String servedYaml) {
    try {
      Files.writeString(published, servedYaml.endsWith("\n") ? servedYaml : servedYaml + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + published, e);
    }
  }

  /** For tests of this class: the differences between two YAML texts. */
  static List<String> differences(String publishedYaml, String servedYaml) {
    return differences(read(publishedYaml), read(servedYaml));
  }
}
