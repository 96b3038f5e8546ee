package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

  @TempDir Path data;

  @Test
  void theServicesAreToldToTrustThePublicKeyOfTheDataDirectoryAndTheDevIssuer() {
    var environment = DevTokens.verificationEnvironment(data);

    Path publicKey = data.resolve("dev-keys/public-key.pem");
    assertThat(environment)
        .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString())
        .containsEntry("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER)
        .containsEntry("MP_JWT_VERIFY_AUDIENCES", "leadflow");
    assertThat(Files.isRegularFile(publicKey)).isTrue();
  }

  @Test
  void theTokenCommandPrintsATokenOfTheUserWithTheRole() {
    String token = DevTokens.token(List.of("seller", "alice", "Alice Adams"), data);

    assertThat(token.split("\\.")).hasSize(3);
  }

  @Test
  void anUnknownRoleOrAMissingUserShowsTheUsage() {
    assertThatThrownBy(() -> DevTokens.token(List.of("superuser", "alice"), data))
        .isInstanceOf(LocalRunException.class)
        .hasMessageStartingWith("Usage: ./run.sh token ROLE USER [NAME]");
    assertThatThrownBy(() -> DevTokens.token(List.of("seller"), data)).isInstanceOf(LocalRunException.class);
  }
}
