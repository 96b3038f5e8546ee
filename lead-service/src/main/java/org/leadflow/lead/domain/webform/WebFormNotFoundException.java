package org.leadflow.lead.domain.webform;

import java.util.UUID;

/** No such web form; for the public capture endpoint also a wrong key or an inactive form, told alike (404). */
public class WebFormNotFoundException extends RuntimeException {
  public WebFormNotFoundException(UUID id) {
    super("No web form " + id + " takes submissions with this key");
  }
}
