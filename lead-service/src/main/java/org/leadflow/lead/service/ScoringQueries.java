package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.scoring.LeadScore;
import org.leadflow.lead.domain.scoring.ScoringSettings;
import org.leadflow.lead.domain.scoring.TrainingRun;
import org.leadflow.lead.persistence.ScoringStore;
import org.leadflow.web.security.Caller;

/** Scoring as the API reads it: a visible lead's score, trainings, models, settings (docs/scoring.md). */
@ApplicationScoped
public class ScoringQueries {

  @Inject VisibleLeads visible;
  @Inject ScoringStore store;
  @Inject Clock clock;

  /** The lead's latest score, empty until it is first scored; fails as {@link LeadQueries#get} when the caller may not see the lead. */
  @WithSession
  public Uni<Optional<LeadScore>> score(UUID leadId, Caller caller) {
    return visible.find(leadId, caller).chain(lead -> store.leadScore(leadId));
  }

  public Uni<Optional<TrainingRun>> training(UUID id) {
    return store.run(id);
  }

  public Uni<List<TrainingRun>> trainings(int page, int size) {
    return store.runs(page, size);
  }

  public Uni<List<Map<String, Object>>> models() {
    return store.models();
  }

  public Uni<ScoringSettings> settings() {
    return store.settings();
  }

  public Uni<ScoringSettings> saveSettings(List<String> excludedAttributes, Caller caller) {
    return store.saveSettings(excludedAttributes, caller.id(), clock.instant());
  }
}
