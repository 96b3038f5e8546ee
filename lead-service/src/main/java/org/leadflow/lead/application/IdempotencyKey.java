package org.leadflow.lead.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request's {@code Idempotency-Key} (docs/architecture.md, section REST conventions). A key belongs to
 * the caller who sent it, for one operation ({@code create-lead}, {@code disqualify:<lead id>}, ...).
 *
 * @param requestJson the request as received, to tell a repeat from a different request
 */
public record IdempotencyKey(String callerId, String scope, String key, String requestJson) {

  /** The fingerprint a repeat must match: SHA-256 of the operation and the request. */
  String requestHash() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(scope.getBytes(StandardCharsets.UTF_8));
      sha256.update(requestJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
