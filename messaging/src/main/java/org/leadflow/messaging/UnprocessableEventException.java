package org.leadflow.messaging;

/** An event that can never be processed, whatever the retries: it belongs in the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {

  public UnprocessableEventException(String reason) {
    super(reason);
  }
}
