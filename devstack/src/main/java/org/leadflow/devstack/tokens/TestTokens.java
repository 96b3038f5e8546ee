package org.leadflow.devstack.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tokens of a test JVM: one key pair made when the JVM first asks, trusted by the services that
 * the tests start (through {@link #verificationConfig()} or {@link #verificationEnvironment()}) and
 * by nothing else.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.leadflow.test";

  /** The sales manager that tests act as unless they say otherwise ({@link TokenTestResource}). */
  public static final String DEFAULT_CALLER = "test-manager";

  public static final String DEFAULT_CALLER_NAME = "Test Manager";

  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final TokenIssuer ISSUER_OF_THIS_JVM = TokenIssuer.withNewKey(ISSUER);

  private TestTokens() {}

  public static TokenIssuer issuer() {
    return ISSUER_OF_THIS_JVM;
  }

  public static String seller(String id) {
    return of(id, "seller");
  }

  public static String salesManager(String id) {
    return of(id, "sales-manager");
  }

  public static String admin(String id) {
    return of(id, "admin");
  }

  public static String integration(String id) {
    return of(id, "integration");
  }

  /** A token of {@code id} with {@code roles}, valid for the length of any test run. */
  public static String of(String id, String... roles) {
    return ISSUER_OF_THIS_JVM.token(id, null, List.of(roles), LIFETIME);
  }

  /** The default caller's token. */
  public static String defaultCaller() {
    return ISSUER_OF_THIS_JVM.token(DEFAULT_CALLER, DEFAULT_CALLER_NAME, List.of("sales-manager"), LIFETIME);
  }

  /**
   * Tokens no service may accept, by what is wrong with them: signed by a key it does not trust, from
   * another issuer, for another API, expired, not a JWT at all, and of a subject longer than LeadFlow
   * records (100 characters). Each would be a sales manager's.
   */
  public static Map<String, String> untrusted() {
    List<String> roles = List.of("sales-manager");
    return Map.of(
        "signed by another key", ISSUER_OF_THIS_JVM.token("mallory", null, roles).signedByAnotherKey().sign(),
        "from another issuer", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("iss", "https://issuer.example").sign(),
        "for another audience", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("aud", "another-api").sign(),
        "expired", ISSUER_OF_THIS_JVM.token("mallory", null, roles).expiresIn(Duration.ofMinutes(-5)).sign(),
        "malformed", "not.a.jwt",
        "of a subject too long to record", ISSUER_OF_THIS_JVM.token("m".repeat(101), null, roles).sign());
  }

  /** What a Quarkus application needs to trust these tokens, as configuration properties. */
  public static Map<String, String> verificationConfig() {
    return Map.of(
        "mp.jwt.verify.publickey", ISSUER_OF_THIS_JVM.publicKey(),
        "mp.jwt.verify.issuer", ISSUER,
        "mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
  }

  /** The same, as the environment of a service started as a process. */
  public static Map<String, String> verificationEnvironment() {
    return Map.of(
        "MP_JWT_VERIFY_PUBLICKEY", ISSUER_OF_THIS_JVM.publicKey(),
        "MP_JWT_VERIFY_ISSUER", ISSUER,
        "MP_JWT_VERIFY_AUDIENCES", TokenIssuer.AUDIENCE);
  }
}
