package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.leadflow.lead.domain.duplicates.DuplicateMode;
import org.leadflow.lead.domain.duplicates.DuplicateRule;
import org.leadflow.lead.persistence.LeadDuplicates;
import org.leadflow.web.security.Caller;

/** The duplicate rules' settings: read by everyone, changed by admins (all rules at once). */
@ApplicationScoped
public class DuplicateRules {

  @Inject LeadDuplicates duplicates;
  @Inject Clock clock;

  /** Each rule's mode, and who changed them last (null before any change). */
  public record Settings(Map<DuplicateRule, DuplicateMode> modes, String changedBy, String changedByName, Instant changedAt) {}

  public Uni<Settings> current() {
    return Panache.withSession(this::read);
  }

  /** Saves every rule's mode ({@code modes} names each rule). */
  public Uni<Settings> save(Map<DuplicateRule, DuplicateMode> modes, Caller caller) {
    return Panache.withTransaction(() -> duplicates.save(modes, caller.id(), caller.name(), clock.instant()).chain(this::read));
  }

  private Uni<Settings> read() {
    return duplicates
        .modes()
        .chain(modes -> duplicates.lastChange().map(change -> change
            .map(last -> new Settings(modes, last.by(), last.byName(), last.at()))
            .orElseGet(() -> new Settings(modes, null, null, null))));
  }
}
