package org.leadflow.lead.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadMerge;
import org.leadflow.lead.domain.TimeOrderedIds;
import org.leadflow.lead.persistence.LeadMerges;
import org.leadflow.web.security.Caller;

/**
 * Merges a duplicate lead into a master ({@link LeadMerge}): both as the caller may see them (a seller
 * merges only two leads they own; anyone else's is "not found"), each at the version the caller
 * expects. The duplicate's activities move to the master, its history is copied into the master's, the
 * master takes the chosen values ({@code leadflow.lead.updated.v1}), the duplicate becomes
 * Disqualified/Merged, and each lead publishes {@code leadflow.lead.merged.v1}.
 */
@ApplicationScoped
public class MergeLeads implements CommandHandler<MergeLeads.Command, MergeLeads.Merged> {

  /** @param fields where the caller wants a field taken from; the others by {@link LeadMerge#choices}' default */
  public record Command(
      UUID masterId,
      Optional<Long> expectedMasterVersion,
      UUID duplicateId,
      Optional<Long> expectedDuplicateVersion,
      Map<String, LeadMerge.Source> fields,
      Caller caller) {}

  public record Merged(Lead master, Lead duplicate, Map<String, LeadMerge.Source> choices, int activitiesMoved, int historyEntriesCopied) {}

  @Inject LeadChanges changes;
  @Inject LeadMerges merges;
  @Inject ObjectMapper json;

  @Override
  public Uni<Merged> handle(Command command) {
    Caller caller = command.caller();
    if (command.masterId().equals(command.duplicateId())) {
      throw new LeadMerge.IntoItselfException(command.masterId());
    }
    return changes
        .find(command.masterId(), command.expectedMasterVersion(), caller)
        .chain(master -> changes
            .find(command.duplicateId(), command.expectedDuplicateVersion(), caller)
            .chain(duplicate -> merge(master, duplicate, command)));
  }

  private Uni<Merged> merge(Lead master, Lead duplicate, Command command) {
    LeadMerge.check(master, duplicate);
    Map<String, LeadMerge.Source> chosen = LeadMerge.choices(master, duplicate, command.fields());
    Actor actor = LeadChanges.actorOf(command.caller());
    Instant now = changes.now();
    // The copy first, so that it holds the duplicate's history before the merge.
    return merges
        .copyHistory(duplicate.id(), master.id())
        .chain(copied -> merges.moveActivities(duplicate.id(), master.id()).chain(moved -> {
          LeadMerge.Outcome outcome = LeadMerge.merge(master, duplicate, chosen, moved, copied, actor, now);
          return changes
              .record(master, outcome.master())
              .chain(() -> changes.record(duplicate, outcome.duplicate()))
              .chain(() -> merges.record(TimeOrderedIds.next(), master.id(), duplicate.id(), now, actor.id(), write(chosen), moved, copied))
              .map(recorded -> new Merged(master, duplicate, chosen, moved, copied));
        }));
  }

  private String write(Map<String, LeadMerge.Source> chosen) {
    Map<String, String> labels = new LinkedHashMap<>();
    chosen.forEach((field, source) -> labels.put(field, source.label()));
    try {
      return json.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Merge choices cannot be written as JSON", e);
    }
  }
}
