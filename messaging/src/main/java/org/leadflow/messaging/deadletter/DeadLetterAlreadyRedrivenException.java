package org.leadflow.messaging.deadletter;

import java.util.UUID;

/** The dead letter was re-driven and processed already; there is nothing left to re-drive (409). */
public class DeadLetterAlreadyRedrivenException extends RuntimeException {

  public DeadLetterAlreadyRedrivenException(UUID id) {
    super("Dead letter " + id + " was re-driven and processed already");
  }
}
