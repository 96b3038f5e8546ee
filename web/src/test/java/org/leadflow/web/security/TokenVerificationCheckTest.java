package org.leadflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class TokenVerificationCheckTest {

  private static Config config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
  }

  @Test
  void withoutKeyAndIssuerTheServiceSaysWhatToSet() {
    assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.audiences", "leadflow"))))
        .containsExactly(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM or JWK file, or the identity provider's JWKS URL)",
            "MP_JWT_VERIFY_ISSUER");
  }

  @Test
  void aKeyFileOrJwksUrlOrInlineKeyWithIssuerAndAudienceIsEnough() {
    for (String key : TokenVerificationCheck.KEY_PROPERTIES) {
      assertThat(
              TokenVerificationCheck.missing(
                  config(
                      Map.of(
                          key, "https://idp.example/realms/crm/protocol/openid-connect/certs",
                          "mp.jwt.verify.issuer", "https://idp.example/realms/crm",
                          "mp.jwt.verify.audiences", "leadflow"))))
          .as(key)
          .isEmpty();
    }
  }

  @Test
  void anEmptyAudienceCountsAsMissing() {
    assertThat(
            TokenVerificationCheck.missing(
                config(Map.of("mp.jwt.verify.publickey.location", "/keys/public.pem", "mp.jwt.verify.issuer", "https://idp.example", "mp.jwt.verify.audiences", " "))))
        .containsExactly("MP_JWT_VERIFY_AUDIENCES");
  }
}
