package org.leadflow.lead.service;

/** The caller's If-Match names a version of the lead that is no longer current (412). */
public class StaleVersionException extends RuntimeException {

  private final long currentVersion;

  public StaleVersionException(long expected, long currentVersion) {
    super("The lead is at version " + currentVersion + ", not " + expected + "; read it again and retry");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
