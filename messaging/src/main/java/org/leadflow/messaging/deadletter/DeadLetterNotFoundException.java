package org.leadflow.messaging.deadletter;

/** No dead letter has the id (404). */
public class DeadLetterNotFoundException extends RuntimeException {

  public DeadLetterNotFoundException(String id) {
    super("No dead letter " + id);
  }
}
