package org.leadflow.lead.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, as the driver hands them over. */
final class NativeValues {

  private NativeValues() {}

  /** A {@code timestamptz} column: an OffsetDateTime (reactive driver), an Instant or a Timestamp; null stays null. */
  static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return (Instant) value;
  }
}
