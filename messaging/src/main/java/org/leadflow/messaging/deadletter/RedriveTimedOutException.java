package org.leadflow.messaging.deadletter;

import java.time.Duration;
import java.util.UUID;

/** The consumer did not finish the re-drive in time, e.g. while its database is down (503). */
public class RedriveTimedOutException extends RuntimeException {

  public RedriveTimedOutException(UUID id, Duration timeout) {
    super("The re-drive of dead letter " + id + " did not finish within " + timeout.toSeconds()
        + " s and was abandoned; nothing was recorded, try again later");
  }
}
