package org.leadflow.opportunity.service;

/** The caller's If-Match names a version of the record that is no longer current (412). */
public class StaleVersionException extends RuntimeException {

  private final long currentVersion;

  public StaleVersionException(String what, long expected, long currentVersion) {
    super(what + " is at version " + currentVersion + ", not " + expected + "; read it again and retry");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
