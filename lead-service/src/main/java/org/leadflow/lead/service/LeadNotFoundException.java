package org.leadflow.lead.service;

import java.util.UUID;

/** No lead has this id (or the caller may not see it). */
public class LeadNotFoundException extends RuntimeException {

  public LeadNotFoundException(UUID id) {
    super("No lead with id " + id);
  }
}
