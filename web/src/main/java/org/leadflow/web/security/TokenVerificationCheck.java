package org.leadflow.web.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service that could not verify bearer tokens: without a public key (or JWKS
 * URL), an issuer and an audience it would reject every call anyway, and there is no built-in key
 * to fall back on, so the one useful thing to do is to say which setting is missing.
 */
@ApplicationScoped
public class TokenVerificationCheck {

  static final List<String> KEY_PROPERTIES =
      List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location", "smallrye.jwt.verify.key.location");
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String AUDIENCES = "mp.jwt.verify.audiences";

  void onStart(@Observes StartupEvent started) {
    List<String> missing = missing(ConfigProvider.getConfig());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Bearer tokens cannot be verified: set "
              + String.join(" and ", missing)
              + ". See README.md, section Security.");
    }
  }

  static List<String> missing(Config config) {
    List<String> missing = new ArrayList<>();
    if (KEY_PROPERTIES.stream().noneMatch(property -> isSet(config, property))) {
      missing.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM or JWK file, or the identity provider's JWKS URL)");
    }
    Stream.of(ISSUER, AUDIENCES)
        .filter(property -> !isSet(config, property))
        .map(property -> property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'))
        .forEach(missing::add);
    return missing;
  }

  private static boolean isSet(Config config, String property) {
    return config.getOptionalValue(property, String.class).filter(value -> !value.isBlank()).isPresent();
  }
}
