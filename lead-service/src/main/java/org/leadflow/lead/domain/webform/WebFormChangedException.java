package org.leadflow.lead.domain.webform;

/** A change of a web form based on a version it no longer has (412 with the current ETag). */
public class WebFormChangedException extends RuntimeException {

  private final long currentVersion;

  public WebFormChangedException(long expected, long currentVersion) {
    super("The web form is at version " + currentVersion + ", not " + expected + "; read it again and retry");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
