package org.leadflow.devstack.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local run keeps its data, which ports it uses and which browser origins may call it, read
 * from {@code LEADFLOW_*} (and {@value #CORS_ORIGINS_VARIABLE}) environment variables with defaults
 * that suit a developer machine.
 */
record LocalRunSettings(Path dataDirectory, Map<PortSetting, Integer> ports, String corsOrigins) {

  static final String DATA_DIRECTORY_VARIABLE = "LEADFLOW_DATA_DIR";
  static final String DEFAULT_DATA_DIRECTORY = ".leadflow";
  /** The services' own setting: the local run passes it on, or its default when it is not set. */
  static final String CORS_ORIGINS_VARIABLE = "QUARKUS_HTTP_CORS_ORIGINS";
  /**
   * A frontend team's dev server on any port of this machine (Vite's 5173, 3000, ...) may call the
   * local run from a browser; a regular expression, as Quarkus reads one between slashes.
   */
  static final String DEFAULT_CORS_ORIGINS = "/https?://(localhost|127[.]0[.]0[.]1)(:[0-9]+)?/";

  LocalRunSettings {
    ports = Collections.unmodifiableMap(new EnumMap<>(ports));
  }

  /**
   * Reads the settings.
   *
   * @param currentDirectory what a relative {@value #DATA_DIRECTORY_VARIABLE} is relative to
   * @throws LocalRunException when a value is unusable, with a message naming the variable
   */
  static LocalRunSettings fromEnvironment(Map<String, String> environment, Path currentDirectory) {
    String dataDirectory = valueOf(environment, DATA_DIRECTORY_VARIABLE);
    Map<PortSetting, Integer> ports = new EnumMap<>(PortSetting.class);
    for (PortSetting setting : PortSetting.values()) {
      ports.put(setting, portFrom(environment, setting));
    }
    requireDistinct(ports);
    return new LocalRunSettings(
        currentDirectory
            .resolve(dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory)
            .toAbsolutePath()
            .normalize(),
        ports,
        Objects.requireNonNullElse(valueOf(environment, CORS_ORIGINS_VARIABLE), DEFAULT_CORS_ORIGINS));
  }

  /** The variables and their defaults, for the launcher's help text. */
  static List<String> describeVariables() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "  %-35s where data and logs are kept (default: ./%s)",
            DATA_DIRECTORY_VARIABLE, DEFAULT_DATA_DIRECTORY));
    lines.add(
        String.format(
            "  %-35s browser origins that may call the services (default: http://localhost on any port)",
            CORS_ORIGINS_VARIABLE));
    for (PortSetting setting : PortSetting.values()) {
      lines.add(
          String.format(
              "  %-35s %s port (default: %d)",
              setting.environmentVariable(), setting.listener(), setting.defaultPort()));
    }
    return lines;
  }

  int port(PortSetting setting) {
    return ports.get(setting);
  }

  Path logDirectory() {
    return dataDirectory.resolve("logs");
  }

  List<RequiredPort> requiredPorts() {
    List<RequiredPort> required = new ArrayList<>();
    ports.forEach((setting, port) -> required.add(new RequiredPort(setting, port)));
    return required;
  }

  private static int portFrom(Map<String, String> environment, PortSetting setting) {
    String value = valueOf(environment, setting.environmentVariable());
    if (value == null) {
      return setting.defaultPort();
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, the same way as an out-of-range number
    }
    throw new LocalRunException(
        setting.environmentVariable()
            + " must be a port number from 1 to 65535, not \""
            + value
            + "\".");
  }

  private static void requireDistinct(Map<PortSetting, Integer> ports) {
    Map<Integer, PortSetting> claimed = new HashMap<>();
    ports.forEach(
        (setting, port) -> {
          PortSetting earlier = claimed.putIfAbsent(port, setting);
          if (earlier != null) {
            throw new LocalRunException(
                earlier.environmentVariable()
                    + " and "
                    + setting.environmentVariable()
                    + " are both "
                    + port
                    + "; give each a port of its own.");
          }
        });
  }

  /** An empty value counts as unset, as it does for most shell tools. */
  private static String valueOf(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
