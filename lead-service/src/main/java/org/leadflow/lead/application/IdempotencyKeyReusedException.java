package org.leadflow.lead.application;

/** The key was used before for a different request (422). */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super("Idempotency-Key '" + key + "' was already used for a different request");
  }
}
