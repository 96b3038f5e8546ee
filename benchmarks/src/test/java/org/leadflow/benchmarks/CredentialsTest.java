package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void withoutATokenNoAuthorizationIsSent() {
    assertThat(Credentials.fromEnvironment(Map.of()).authorization()).isEmpty();
    assertThat(Credentials.fromEnvironment(Map.of(Credentials.TOKEN_VARIABLE, " ")).authorization()).isEmpty();
  }

  @Test
  void aTokenFromTheEnvironmentIsSentAsABearerToken() {
    assertThat(Credentials.fromEnvironment(Map.of(Credentials.TOKEN_VARIABLE, "abc.def.ghi\n")).authorization())
        .contains("Bearer abc.def.ghi");
  }
}
