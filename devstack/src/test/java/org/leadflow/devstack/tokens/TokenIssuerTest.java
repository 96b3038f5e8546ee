package org.leadflow.devstack.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path keys;

  @Test
  void aTokenIsAnRs256JwtOfTheSubjectItsRolesTheIssuerAndTheLeadflowAudience() throws Exception {
    TokenIssuer issuer = TokenIssuer.withNewKey("https://issuer.example");

    String[] parts = issuer.token("alice", "Alice Adams", List.of("seller"), Duration.ofHours(1)).split("\\.");

    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText()).isEqualTo("RS256");
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo("https://issuer.example");
    assertThat(claims.get("aud").asText()).isEqualTo("leadflow");
    assertThat(claims.get("sub").asText()).isEqualTo("alice");
    assertThat(claims.get("name").asText()).isEqualTo("Alice Adams");
    assertThat(json.convertValue(claims.get("groups"), List.class)).containsExactly("seller");
    assertThat(claims.get("exp").asLong()).isBetween(Instant.now().plusSeconds(3590).getEpochSecond(), Instant.now().plusSeconds(3610).getEpochSecond());
    assertThat(verifies(issuer.publicKey(), parts)).isTrue();
  }

  @Test
  void aForgedTokenDoesNotVerifyWithTheIssuersKey() throws Exception {
    TokenIssuer issuer = TokenIssuer.withNewKey("https://issuer.example");

    String[] parts = issuer.token("mallory", null, List.of("admin")).signedByAnotherKey().sign().split("\\.");

    assertThat(verifies(issuer.publicKey(), parts)).isFalse();
  }

  @Test
  void theKeysAreMadeOnceInTheDirectoryAndTheSecretOneIsReadableByItsOwnerOnly() throws Exception {
    TokenIssuer first = TokenIssuer.inDirectory(keys, "https://leadflow.localhost/dev");
    TokenIssuer again = TokenIssuer.inDirectory(keys, "https://leadflow.localhost/dev");

    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(Files.readString(TokenIssuer.publicKeyFile(keys))).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(TokenIssuer.PRIVATE_KEY_FILE))))
        .isEqualTo("rw-------");
    String[] parts = again.token("bob", null, List.of("seller"), Duration.ofMinutes(5)).split("\\.");
    assertThat(verifies(first.publicKey(), parts)).isTrue();
  }

  private static boolean verifies(String publicKey, String[] parts) throws Exception {
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
  }
}
