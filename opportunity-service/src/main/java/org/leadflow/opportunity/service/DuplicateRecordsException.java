package org.leadflow.opportunity.service;

/**
 * The account or contact being created or edited matches records the caller may see (409); the
 * caller confirms with {@code allowDuplicate=true} to keep it all the same. Records the caller may
 * not see are never among them.
 */
public class DuplicateRecordsException extends RuntimeException {

  private final MatchFinder.Matches matches;

  DuplicateRecordsException(String kind, MatchFinder.Matches matches) {
    super(
        "Possible duplicate: "
            + (matches.accounts().size() + matches.contacts().size())
            + " existing "
            + kind
            + "(s) you may see match it (listed in duplicates). Use one of them, or repeat the request with"
            + " allowDuplicate=true to keep it all the same.");
    this.matches = matches;
  }

  public MatchFinder.Matches matches() {
    return matches;
  }
}
