package org.leadflow.lead.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadScored;
import org.leadflow.lead.domain.scoring.Factor;
import org.leadflow.lead.domain.scoring.LeadScore;
import org.leadflow.messaging.Outbox;

/** {@code leadflow.lead.scored.v1}, written to the outbox in the transaction that stores the score. */
@ApplicationScoped
public class ScoringEvents {

  @Inject Outbox outbox;

  public Uni<Void> scored(LeadScore score, Integer previousScore, String previousGrade) {
    List<LeadScored.Reason> reasons = new ArrayList<>();
    for (List<Factor> side : List.of(score.raising(), score.lowering())) {
      side.forEach(factor -> reasons.add(new LeadScored.Reason(factor.feature(), factor.points(), factor.text())));
    }
    LeadScored data =
        new LeadScored(
            score.leadId(),
            score.score(),
            String.valueOf(score.grade()),
            previousScore,
            previousGrade,
            score.method().toLowerCase(Locale.ROOT),
            score.modelVersion(),
            reasons,
            score.scoredAt());
    return outbox.append(LeadEventTypes.AGGREGATE_TYPE, score.leadId(), LeadEventTypes.SCORED, score.scoredAt(), data).replaceWithVoid();
  }
}
