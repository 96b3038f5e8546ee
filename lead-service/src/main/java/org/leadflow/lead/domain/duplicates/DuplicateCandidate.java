package org.leadflow.lead.domain.duplicates;

import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;

/** A lead that may be the same person as the one checked, and the rules that say so. */
public record DuplicateCandidate(
    UUID id,
    String firstName,
    String lastName,
    String companyName,
    String email,
    String phone,
    StatusReason statusReason,
    String ownerId,
    List<DuplicateRule> matchedBy) {

  public DuplicateCandidate {
    matchedBy = List.copyOf(matchedBy);
  }
}
