package org.leadflow.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The contract files of this module, as checked in (the tests run in the module's directory). */
public final class ContractFiles {

  public static final Path OPENAPI = Path.of("openapi");
  public static final Path EVENTS = Path.of("events");
  public static final Path SCHEMAS = EVENTS.resolve("schemas");
  public static final Path ASYNCAPI = EVENTS.resolve("asyncapi.yaml");
  public static final Path BASELINE = Path.of("baseline");

  /** The services whose OpenAPI document is published, by file name. */
  public static final List<String> SERVICES = List.of("lead-service", "opportunity-service");

  private ContractFiles() {}

  public static Path openApi(Path root, String service) {
    return root.resolve("openapi").resolve(service + ".yaml");
  }

  public static Path openApi(String service) {
    return openApi(Path.of(""), service);
  }

  public static Path releasedOpenApi(String service) {
    return openApi(BASELINE, service);
  }

  public static Path releasedSchema(String type) {
    return BASELINE.resolve("events").resolve("schemas").resolve(type + ".schema.json");
  }

  public static Path schema(String type) {
    return SCHEMAS.resolve(type + ".schema.json");
  }

  /** The event types whose schema was released, by file name. */
  public static List<String> releasedEventTypes() {
    try (Stream<Path> files = Files.list(BASELINE.resolve("events").resolve("schemas"))) {
      return files.map(file -> file.getFileName().toString().replace(".schema.json", "")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
    }
  }
}
