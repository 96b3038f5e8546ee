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
        .chain(modes -> duplicates.lastChange().map(rows -> rows.isEmpty()
            ? new Settings(modes, null, null, null)
            : new Settings(modes, (String) rows.get(0)[0], (String) rows.get(0)[1], toInstant(rows.get(0)[2]))));
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return value == null ? null : ((java.sql.Timestamp) value).toInstant();
  }
}
