package org.leadflow.devstack.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs bearer tokens (RS256 JWTs) as an identity provider would, for the local run and the tests:
 * never part of a service. The services trust it only when they are given its public key.
 */
public final class TokenIssuer {

  /** The audience both services expect by default (their {@code mp.jwt.verify.audiences}). */
  public static final String AUDIENCE = "leadflow";

  static final String PRIVATE_KEY_FILE = "private-key.pem";
  static final String PUBLIC_KEY_FILE = "public-key.pem";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String issuer;
  private final Clock clock;

  TokenIssuer(KeyPair keys, String issuer, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** An issuer with a fresh key pair that lives as long as it does. */
  public static TokenIssuer withNewKey(String issuer) {
    return new TokenIssuer(newKeyPair(), issuer, Clock.systemUTC());
  }

  /**
   * The issuer whose key pair is kept in {@code directory} ({@value #PRIVATE_KEY_FILE} and {@value
   * #PUBLIC_KEY_FILE}), created there on first use.
   */
  public static TokenIssuer inDirectory(Path directory, String issuer) {
    try {
      Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
      Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
      if (!Files.isRegularFile(privateKey) || !Files.isRegularFile(publicKey)) {
        KeyPair created = newKeyPair();
        Files.createDirectories(directory);
        Files.writeString(publicKey, pem("PUBLIC KEY", created.getPublic().getEncoded()));
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, pem("PRIVATE KEY", created.getPrivate().getEncoded()));
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PublicKey publicPart = rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicKey))));
      PrivateKey privatePart = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateKey))));
      return new TokenIssuer(new KeyPair(publicPart, privatePart), issuer, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the token signing keys in " + directory, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The token signing keys in " + directory + " are not readable RSA keys", e);
    }
  }

  /** Where {@link #inDirectory} keeps the public key: what a service is given to trust the tokens. */
  public static Path publicKeyFile(Path directory) {
    return directory.resolve(PUBLIC_KEY_FILE);
  }

  public String issuer() {
    return issuer;
  }

  /** The public key as a service's {@code mp.jwt.verify.publickey} takes it (PEM body, one line). */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  /** A token of {@code subject} with {@code roles}, for {@link #AUDIENCE}, valid for {@code lifetime}. */
  public String token(String subject, String name, List<String> roles, Duration lifetime) {
    return token(subject, name, roles).expiresIn(lifetime).sign();
  }

  /** A token to shape before signing it (tests make it expired, foreign, ...). */
  public Draft token(String subject, String name, List<String> roles) {
    return new Draft(subject, name, roles);
  }

  /** A token being made: every claim can still be changed. */
  public final class Draft {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey signingKey = keys.getPrivate();

    private Draft(String subject, String name, List<String> roles) {
      Instant now = clock.instant();
      claims.put("iss", issuer);
      claims.put("aud", AUDIENCE);
      claims.put("sub", subject);
      claims.put("upn", subject);
      if (name != null) {
        claims.put("name", name);
      }
      claims.put("groups", List.copyOf(roles));
      claims.put("iat", now.getEpochSecond());
      claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
      claims.put("jti", UUID.randomUUID().toString());
    }

    public Draft expiresIn(Duration lifetime) {
      claims.put("exp", clock.instant().plus(lifetime).getEpochSecond());
      return this;
    }

    /** Sets (or, with null, removes) a claim. */
    public Draft claim(String name, Object value) {
      if (value == null) {
        claims.remove(name);
      } else {
        claims.put(name, value);
      }
      return this;
    }

    /** Signs with a key the services do not know, as a forger would. */
    public Draft signedByAnotherKey() {
      signingKey = newKeyPair().getPrivate();
      return this;
    }

    public String sign() {
      try {
        String header = BASE64URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
        String payload = BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(signingKey);
        rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + BASE64URL.encodeToString(rs256.sign());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Claims not writable as JSON: " + claims, e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("RS256 is part of every JDK", e);
      }
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] unpem(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
  }
}
