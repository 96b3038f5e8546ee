package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.merged.v1}: a duplicate lead was merged into a master. Published once
 * for each of the two leads, keyed by that lead ({@code leadId}); {@code role} says which it is. The
 * duplicate is then Disqualified/Merged (status reason code 8, final); the master's changed values are
 * also in the {@code leadflow.lead.updated.v1} published just before its merged event.
 *
 * @param role {@link #MASTER} or {@link #DUPLICATE}: what {@code leadId} was in the merge
 * @param state the state of {@code leadId} after the merge
 * @param previousStatusReason the duplicate's status reason before; null on the master's event
 * @param fields where each field the merge looked at was taken from: {@code master} or {@code duplicate}
 * @param takenFromDuplicate the master's values that changed, old and new
 * @param mergedVia {@code user}, {@code import}, {@code agent} or {@code system}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadMerged(
    UUID leadId,
    String role,
    UUID masterId,
    UUID duplicateId,
    String state,
    String statusReason,
    int statusReasonCode,
    String previousStatusReason,
    Map<String, String> fields,
    List<FieldChange> takenFromDuplicate,
    int activitiesMoved,
    int historyEntriesCopied,
    Instant mergedAt,
    String mergedBy,
    String mergedVia) {

  public static final String MASTER = "master";
  public static final String DUPLICATE = "duplicate";
}
