package org.leadflow.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.leadflow.web.RequestText;

/**
 * What a verified token's claims must look like before LeadFlow builds a caller from them: the
 * identity claims are text LeadFlow can record, the roles a list of text, and the token expires
 * within the longest lifetime allowed. A token signed by the trusted issuer can still be shaped
 * wrongly (a misconfigured mapper, a test tool); it is refused like any invalid token (401).
 */
final class TokenClaimRules {

  /** The longest display name LeadFlow records as an actor's name (lead_history.actor_name). */
  static final int MAX_NAME_LENGTH = 200;

  /** Claims that may name the caller: sub is the id; upn and preferred_username stand in without it. */
  private static final List<String> IDENTITY_CLAIMS = List.of("sub", "upn", "preferred_username");

  private TokenClaimRules() {}

  /** Why the claims are refused, or null when they are acceptable. */
  static String refusal(JwtClaims claims, Duration maxLifetime, Instant now) {
    for (String claim : IDENTITY_CLAIMS) {
      String refusal = refusalOfText(claim, claims.getClaimValue(claim), Caller.MAX_ID_LENGTH);
      if (refusal != null) {
        return refusal;
      }
    }
    if (claims.getClaimValue("sub") == null && claims.getClaimValue("upn") == null && claims.getClaimValue("preferred_username") == null) {
      return "The token names no subject";
    }
    String refusal = refusalOfText("name", claims.getClaimValue("name"), MAX_NAME_LENGTH);
    if (refusal != null) {
      return refusal;
    }
    Object groups = claims.getClaimValue("groups");
    if (groups != null && !(groups instanceof List<?> roles && roles.stream().allMatch(String.class::isInstance))) {
      return "The token's groups claim is not a list of role names";
    }
    try {
      if (claims.getExpirationTime() != null
          && claims.getExpirationTime().getValue() - now.getEpochSecond() > maxLifetime.toSeconds()) {
        return "The token expires more than " + maxLifetime + " from now";
      }
    } catch (MalformedClaimException e) {
      return "The token's exp claim is not a time";
    }
    return null;
  }

  private static String refusalOfText(String claim, Object value, int maxLength) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      return "The token's " + claim + " claim is not text";
    }
    if (text.isBlank()) {
      return "The token's " + claim + " claim is blank";
    }
    if (text.length() > maxLength) {
      return "The token's " + claim + " claim is longer than " + maxLength + " characters";
    }
    if (!RequestText.isAcceptable(text) || text.chars().anyMatch(Character::isISOControl)) {
      return "The token's " + claim + " claim contains control characters or unpaired surrogates";
    }
    return null;
  }
}
