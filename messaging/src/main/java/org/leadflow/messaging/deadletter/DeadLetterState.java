package org.leadflow.messaging.deadletter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a dead letter stands. */
public enum DeadLetterState {
  /** Sent to the dead-letter topic; never re-driven. */
  DEAD_LETTERED,
  /** Re-driven, and the consumer processed it. */
  REDRIVEN,
  /** Re-driven, and the consumer failed again (the new reason is kept). */
  REDRIVE_FAILED;

  /** The name in the API: {@code dead-lettered}, {@code redriven}, {@code redrive-failed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<DeadLetterState> ofLabel(String label) {
    return Arrays.stream(values()).filter(state -> state.label().equals(label)).findFirst();
  }
}
