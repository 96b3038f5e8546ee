package org.leadflow.lead.domain;

import java.util.UUID;

/** Only a failed conversion can be retried (409). */
public class ConversionNotRetryableException extends RuntimeException {

  public ConversionNotRetryableException(UUID leadId, ConversionStatus status) {
    super(
        status == null
            ? "Lead " + leadId + " was never qualified: qualify it first"
            : "The conversion of lead " + leadId + " is " + status.label() + "; only a failed one can be retried");
  }
}
