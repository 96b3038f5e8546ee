package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalRunSettingsTest {

  private static final Path CURRENT_DIRECTORY = Path.of("/home/dev/leadflow");

  @Test
  void withoutVariablesTheDefaultsApply() {
    LocalRunSettings settings = LocalRunSettings.fromEnvironment(Map.of(), CURRENT_DIRECTORY);

    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/home/dev/leadflow/.leadflow"));
    assertThat(settings.logDirectory()).isEqualTo(Path.of("/home/dev/leadflow/.leadflow/logs"));
    assertThat(settings.port(PortSetting.POSTGRES)).isEqualTo(15432);
    assertThat(settings.port(PortSetting.KAFKA)).isEqualTo(19092);
    assertThat(settings.port(PortSetting.KAFKA_CONTROLLER)).isEqualTo(19093);
    assertThat(settings.port(PortSetting.LEAD_SERVICE)).isEqualTo(8080);
    assertThat(settings.port(PortSetting.OPPORTUNITY_SERVICE)).isEqualTo(8081);
  }

  @Test
  void variablesOverrideTheDefaults() {
    LocalRunSettings settings =
        LocalRunSettings.fromEnvironment(
            Map.of(
                "LEADFLOW_DATA_DIR", "/var/lib/leadflow",
                "LEADFLOW_POSTGRES_PORT", "25432",
                "LEADFLOW_KAFKA_PORT", "29092",
                "LEADFLOW_KAFKA_CONTROLLER_PORT", "29093",
                "LEADFLOW_LEAD_SERVICE_PORT", "9080",
                "LEADFLOW_OPPORTUNITY_SERVICE_PORT", "9081"),
            CURRENT_DIRECTORY);

    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/lib/leadflow"));
    assertThat(settings.requiredPorts())
        .extracting(RequiredPort::port)
        .containsExactly(25432, 29092, 29093, 9080, 9081);
  }

  @Test
  void aRelativeDataDirectoryIsResolvedAgainstTheCurrentDirectory() {
    LocalRunSettings settings =
        LocalRunSettings.fromEnvironment(Map.of("LEADFLOW_DATA_DIR", "../data"), CURRENT_DIRECTORY);

    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/home/dev/data"));
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    LocalRunSettings settings =
        LocalRunSettings.fromEnvironment(
            Map.of("LEADFLOW_LEAD_SERVICE_PORT", " ", "LEADFLOW_DATA_DIR", ""), CURRENT_DIRECTORY);

    assertThat(settings.port(PortSetting.LEAD_SERVICE)).isEqualTo(8080);
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/home/dev/leadflow/.leadflow"));
  }

  @Test
  void aNonNumericPortIsRejectedNamingTheVariable() {
    assertThatThrownBy(
            () ->
                LocalRunSettings.fromEnvironment(
                    Map.of("LEADFLOW_KAFKA_PORT", "nineteen"), CURRENT_DIRECTORY))
        .isInstanceOf(LocalRunException.class)
        .hasMessage("LEADFLOW_KAFKA_PORT must be a port number from 1 to 65535, not \"nineteen\".");
  }

  @Test
  void aPortOutOfRangeIsRejected() {
    assertThatThrownBy(
            () ->
                LocalRunSettings.fromEnvironment(
                    Map.of("LEADFLOW_POSTGRES_PORT", "70000"), CURRENT_DIRECTORY))
        .isInstanceOf(LocalRunException.class)
        .hasMessageStartingWith("LEADFLOW_POSTGRES_PORT must be a port number from 1 to 65535");
  }

  @Test
  void twoListenersCannotShareAPort() {
    assertThatThrownBy(
            () ->
                LocalRunSettings.fromEnvironment(
                    Map.of("LEADFLOW_OPPORTUNITY_SERVICE_PORT", "8080"), CURRENT_DIRECTORY))
        .isInstanceOf(LocalRunException.class)
        .hasMessage(
            "LEADFLOW_LEAD_SERVICE_PORT and LEADFLOW_OPPORTUNITY_SERVICE_PORT are both 8080;"
                + " give each a port of its own.");
  }

  @Test
  void theHelpTextListsEveryVariableWithItsDefault() {
    assertThat(String.join("\n", LocalRunSettings.describeVariables()))
        .contains("LEADFLOW_DATA_DIR")
        .contains("LEADFLOW_POSTGRES_PORT", "15432")
        .contains("LEADFLOW_KAFKA_PORT", "19092")
        .contains("LEADFLOW_KAFKA_CONTROLLER_PORT", "19093")
        .contains("LEADFLOW_LEAD_SERVICE_PORT", "8080")
        .contains("LEADFLOW_OPPORTUNITY_SERVICE_PORT", "8081");
  }

  @Test
  void browsersMayCallTheLocalRunFromAnyLocalhostPortAndFromNowhereElse() {
    String origins = LocalRunSettings.fromEnvironment(Map.of(), CURRENT_DIRECTORY).corsOrigins();

    // Quarkus reads an origin between slashes as a regular expression that must match it whole.
    assertThat(origins).startsWith("/").endsWith("/");
    Pattern allowed = Pattern.compile(origins.substring(1, origins.length() - 1));
    assertThat(List.of("http://localhost:5173", "http://localhost:3000", "http://127.0.0.1:8000", "http://localhost", "https://localhost:4200"))
        .allMatch(origin -> allowed.matcher(origin).matches());
    assertThat(List.of("http://localhost.evil.example", "http://evil.example", "http://localhost:5173.evil.example", "http://127.0.0.2:5173", "null"))
        .noneMatch(origin -> allowed.matcher(origin).matches());
  }

  @Test
  void theServicesOwnCorsVariableReplacesTheLocalDefault() {
    LocalRunSettings settings =
        LocalRunSettings.fromEnvironment(
            Map.of("QUARKUS_HTTP_CORS_ORIGINS", "https://app.example.com"), CURRENT_DIRECTORY);

    assertThat(settings.corsOrigins()).isEqualTo("https://app.example.com");
  }
}
