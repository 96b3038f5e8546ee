package org.leadflow.lead.domain;

import java.util.UUID;

/** Only a pending conversion can be published again (409). */
public class ConversionNotPendingException extends RuntimeException {

  public ConversionNotPendingException(UUID leadId, ConversionStatus status) {
    super(
        status == null
            ? "Lead " + leadId + " was never qualified: there is no conversion to publish again"
            : "The conversion of lead " + leadId + " is " + status.label() + "; only a pending one can be published again");
  }
}
