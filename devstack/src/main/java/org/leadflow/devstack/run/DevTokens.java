package org.leadflow.devstack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.leadflow.devstack.tokens.TokenIssuer;

/**
 * The local run's stand-in for an identity provider: a key pair made on first use in the data
 * directory ({@code .leadflow/dev-keys/}), whose public key the local run hands to both services.
 * The services trust it only because the local run tells them to; nothing else knows it.
 */
final class DevTokens {

  static final String ISSUER = "https://leadflow.localhost/dev";
  static final String KEY_DIRECTORY = "dev-keys";
  /** A working day. */
  static final Duration LIFETIME = Duration.ofHours(8);
  static final List<String> ROLES = List.of("seller", "sales-manager", "admin", "integration");

  private DevTokens() {}

  static TokenIssuer issuer(Path dataDirectory) {
    return TokenIssuer.inDirectory(dataDirectory.resolve(KEY_DIRECTORY), ISSUER);
  }

  /** What makes a service trust these tokens, as its environment. */
  static Map<String, String> verificationEnvironment(Path dataDirectory) {
    issuer(dataDirectory); // makes the keys on first use
    return Map.of(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TokenIssuer.publicKeyFile(dataDirectory.resolve(KEY_DIRECTORY)).toString(),
        "MP_JWT_VERIFY_ISSUER", ISSUER,
        "MP_JWT_VERIFY_AUDIENCES", TokenIssuer.AUDIENCE);
  }

  /**
   * {@code ./run.sh token ROLE USER [NAME]}: prints a token of USER with ROLE, and nothing else, so
   * that {@code TOKEN=$(./run.sh token seller alice)} works.
   *
   * @throws LocalRunException on a usage error, with the usage
   */
  static String token(List<String> arguments, Path dataDirectory) {
    if (arguments.size() < 2 || arguments.size() > 3 || !ROLES.contains(arguments.get(0))) {
      throw new LocalRunException(usage());
    }
    String name = arguments.size() == 3 ? arguments.get(2) : null;
    return issuer(dataDirectory).token(arguments.get(1), name, List.of(arguments.get(0)), LIFETIME);
  }

  static String usage() {
    return "Usage: ./run.sh token ROLE USER [NAME]\n"
        + "Prints a bearer token of USER (its subject, e.g. alice) with ROLE, one of "
        + String.join(", ", ROLES)
        + ",\nvalid for " + LIFETIME.toHours() + " hours against the services of ./run.sh. NAME is shown in audit history.";
  }
}
