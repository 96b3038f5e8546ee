package org.leadflow.web.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * SmallRye JWT's own verification (signature, issuer, audience, expiry, {@code exp - iat} at most
 * {@code smallrye.jwt.time-to-live}), followed by {@link TokenClaimRules}. Without it, a trusted
 * token with {@code groups: 5} or {@code name: 42} fails with a ClassCastException (a 500) while or
 * after it is read; here every such token is a ParseException, which Quarkus answers with 401. A
 * token that passed is kept until its expiry ({@link VerifiedTokens}), and not verified again.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CheckedTokenParser extends JWTCallerPrincipalFactory {

  private static final Logger LOG = Logger.getLogger(CheckedTokenParser.class);

  private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

  /** The longest lifetime of a token, also from now to its expiry (web's default: 24 h). */
  @ConfigProperty(name = "smallrye.jwt.time-to-live")
  long maxLifetimeSeconds;

  private final VerifiedTokens verifiedTokens = VerifiedTokens.withSystemClock(10_000);

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
    var known = verifiedTokens.find(token);
    if (known.isPresent()) {
      return known.get();
    }
    JWTCallerPrincipal principal = verify(token, authContextInfo);
    verifiedTokens.add(token, principal);
    return principal;
  }

  private JWTCallerPrincipal verify(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
    JwtContext verified;
    try {
      verified = parser.parse(token, authContextInfo);
    } catch (RuntimeException e) {
      // Verified, then unreadable: SmallRye casts the groups claim to a list without looking.
      LOG.debugf(e, "Token claims of unexpected types");
      throw new ParseException("The token's claims are not of the expected types", e);
    }
    JwtClaims claims = verified.getJwtClaims();
    String refusal = TokenClaimRules.refusal(claims, Duration.ofSeconds(maxLifetimeSeconds), Instant.now());
    if (refusal != null) {
      throw new ParseException(refusal);
    }
    return new DefaultJWTCallerPrincipal(verified.getJoseObjects().get(0).getHeader("typ"), claims);
  }
}
