package org.leadflow.opportunity.service;

/**
 * The caller's If-Match names a version of the record that is no longer current, or another change
 * of it committed first (412): nothing of this change was kept.
 */
public class StaleRecordException extends RuntimeException {

  private final Long currentVersion;

  StaleRecordException(String kind, long expected, Long currentVersion) {
    super(
        currentVersion == null
            ? "The " + kind + " was changed at the same time; read it again and retry"
            : "The " + kind + " is at version " + currentVersion + ", not " + expected + "; read it again and retry");
    this.currentVersion = currentVersion;
  }

  /**
   * {@code failure} as a stale change when another transaction changed the record first (the
   * optimistic version check at commit), else {@code failure} itself.
   */
  static Throwable ifRaced(Throwable failure, String kind, long expected) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
        return new StaleRecordException(kind, expected, null);
      }
    }
    return failure;
  }

  /** The version now current, when known (the answer's ETag). */
  public Long currentVersion() {
    return currentVersion;
  }
}
