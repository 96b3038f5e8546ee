package org.leadflow.devstack.tokens;

import java.time.Duration;
import java.time.Instant;
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
   * another issuer, for another API, expired, not a JWT at all; and, though signed by the trusted
   * issuer, claims LeadFlow cannot take: a subject longer than it records (100 characters), empty,
   * blank, or with NUL or a lone surrogate; roles or a name that are not text; a name longer than the
   * 200 characters it records, or with a control character; a lifetime of years (an exp in 9999), or
   * one past the 24 hours allowed. Each would be a sales manager's.
   */
  public static Map<String, String> untrusted() {
    List<String> roles = List.of("sales-manager");
    return Map.ofEntries(
        Map.entry("signed by another key", ISSUER_OF_THIS_JVM.token("mallory", null, roles).signedByAnotherKey().sign()),
        Map.entry("from another issuer", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("iss", "https://issuer.example").sign()),
        Map.entry("for another audience", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("aud", "another-api").sign()),
        Map.entry("expired", ISSUER_OF_THIS_JVM.token("mallory", null, roles).expiresIn(Duration.ofMinutes(-5)).sign()),
        Map.entry("malformed", "not.a.jwt"),
        Map.entry("of a subject too long to record", ISSUER_OF_THIS_JVM.token("m".repeat(101), null, roles).sign()),
        Map.entry("of an empty subject", ISSUER_OF_THIS_JVM.token("", null, roles).sign()),
        Map.entry("of a blank subject", ISSUER_OF_THIS_JVM.token("   ", null, roles).sign()),
        Map.entry("of a subject with NUL", ISSUER_OF_THIS_JVM.token("mallory\u0000", null, roles).sign()),
        Map.entry("of a subject with a lone surrogate", ISSUER_OF_THIS_JVM.token("mallory\ud800", null, roles).sign()),
        Map.entry("with roles that are no list", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("groups", 5).sign()),
        Map.entry("with a name that is no text", ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("name", 42).sign()),
        Map.entry("with a name too long to record", ISSUER_OF_THIS_JVM.token("mallory", "M".repeat(201), roles).sign()),
        Map.entry("with a control character in the name", ISSUER_OF_THIS_JVM.token("mallory", "Mal\u0007lory", roles).sign()),
        Map.entry(
            "that expires in the year 9999",
            ISSUER_OF_THIS_JVM.token("mallory", null, roles).claim("exp", Instant.parse("9999-01-01T00:00:00Z").getEpochSecond()).sign()),
        Map.entry("that lives longer than a day", ISSUER_OF_THIS_JVM.token("mallory", null, roles).expiresIn(Duration.ofHours(25)).sign()));
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
