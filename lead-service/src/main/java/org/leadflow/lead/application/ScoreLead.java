package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.config.ScoringConfig;
import org.leadflow.lead.domain.scoring.Grades;
import org.leadflow.lead.domain.scoring.LeadScore;
import org.leadflow.lead.domain.scoring.RuleBasedScore;
import org.leadflow.lead.domain.scoring.ScoringModel;
import org.leadflow.lead.persistence.ScoringFeatureRows;
import org.leadflow.lead.persistence.ScoringStore;
import org.leadflow.lead.service.ScoringEvents;

/**
 * Scores a lead (docs/scoring.md): by the model in force, or by the rule-based score while there is
 * none; stores the score with its reasons and trend, and publishes {@code leadflow.lead.scored.v1}
 * when the grade changed or the score moved by {@code leadflow.scoring.material-change} points since
 * the last one published. {@link #compute} reads and predicts outside any transaction; {@link #store}
 * runs in the caller's.
 */
@ApplicationScoped
public class ScoreLead {

  @Inject ScoringFeatureRows features;
  @Inject ScoringStore store;
  @Inject ScoringEvents events;
  @Inject ScoringConfig config;
  @Inject Clock clock;

  /** The model last loaded; replaced when a newer version comes into force. */
  private volatile ScoringModel loaded;

  /** The lead's score now; empty when the lead does not exist. */
  public Uni<Optional<LeadScore>> compute(UUID leadId) {
    return model()
        .chain(model -> features.lead(leadId, Set.of()).map(found -> found.map(lead -> {
          ScoringModel.Prediction prediction =
              model.isPresent() ? model.get().predict(lead.features()) : RuleBasedScore.of(lead.readiness(), lead.fit());
          Grades grades = new Grades(config.gradeA(), config.gradeB(), config.gradeC());
          return new LeadScore(
              leadId,
              prediction.score(),
              grades.of(prediction.score()),
              prediction.probability(),
              model.isPresent() ? "MODEL" : "RULES",
              model.map(ScoringModel::version).orElse(null),
              prediction.raising(),
              prediction.lowering(),
              clock.instant(),
              null,
              null,
              null);
        })));
  }

  /** Stores the score and, if it moved materially since the last one published, its event. In the caller's transaction. */
  public Uni<Void> store(LeadScore score) {
    return store.storeScore(score)
        .chain(published -> {
          boolean material =
              published.score() == null
                  || !String.valueOf(score.grade()).equals(published.grade())
                  || Math.abs(score.score() - published.score()) >= config.materialChange();
          if (!material) {
            return Uni.createFrom().voidItem();
          }
          return events.scored(score, published.score(), published.grade())
              .chain(() -> store.published(score.leadId(), score.score(), score.grade()));
        });
  }

  private Uni<Optional<ScoringModel>> model() {
    return store.currentModelVersion()
        .chain(version -> {
          if (version.isEmpty()) {
            return Uni.createFrom().item(Optional.<ScoringModel>empty());
          }
          ScoringModel current = loaded;
          if (current != null && current.version() == version.get()) {
            return Uni.createFrom().item(Optional.of(current));
          }
          return store.model(version.get()).invoke(model -> loaded = model).map(Optional::of);
        });
  }
}
